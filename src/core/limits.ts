/**
 * Discord's documented limits, counted in Unicode code points
 * (Discord docs, "Embed Limits" and "Create Message": docs.discord.com/developers/resources/message),
 * an address once percent-encoded (see encodedLength in urls.ts). The URL ones are the maxLength of Discord's
 * OpenAPI schema (emulator/discord-api-spec/openapi.json: RichEmbed*, ButtonComponentForMessageRequest).
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
  /** A link button's url: the smallest place an article's address goes. */
  linkUrl: 512,
  /** An embed's url, and its author's, footer's, image's and thumbnail's. */
  embedUrl: 2048,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
