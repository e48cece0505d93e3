import { ButtonStyle, ComponentType, type APIEmbed, type APIMessage } from 'discord-api-types/v10';
import type { RecordedRequest } from '../../emulator/emulator.js';

/** An interaction callback's body, as the emulator recorded it. */
export interface Callback {
  type: number;
  data?: {
    content?: string;
    embeds?: APIEmbed[];
    flags?: number;
    choices?: { name: string; value: string }[];
  };
}

export const callbackOf = (request: RecordedRequest): Callback => request.body as Callback;

/** The ephemeral flag of a message. */
export const EPHEMERAL = 64;

/** The custom ids of a message's buttons, in order. */
export function buttonIds(message: APIMessage | undefined): string[] {
  return (
    JSON.stringify(message?.components ?? [])
      .match(/"custom_id":"[^"]+"/g)
      ?.map((m) => m.slice(13, -1)) ?? []
  );
}

/** `message` as if it carried a single Next button with `customId`: a button from older content. */
export function withButton(message: APIMessage, customId: string): APIMessage {
  return {
    ...message,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Next', custom_id: customId },
        ],
      },
    ],
  };
}
