/**
 * Discord's documented limits, counted in Unicode code points
 * (Discord docs, "Embed Limits" and "Create Message": docs.discord.com/developers/resources/message).
 */
export const DISCORD_LIMITS = {
  messageContent: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  linkUrl: 512,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
