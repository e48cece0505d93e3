import type { Interaction } from 'discord.js';

/**
 * Hand-made interactions with just what the handlers use. Unit level only: the end-to-end proof
 * drives the real discord.js client against the local Discord emulator.
 */
export interface Call {
  readonly method: 'reply' | 'update' | 'followUp' | 'editReply' | 'respond';
  readonly options: unknown;
}

interface Base {
  calls: Call[];
  replied: boolean;
  deferred: boolean;
  responded: boolean;
  /** Makes the next call of this method reject, as Discord would on an expired token. */
  failNext?: Call['method'] | undefined;
}

function base(kind: 'chat' | 'autocomplete' | 'button', extra: Record<string, unknown>): Interaction & Base {
  const state: Base = { calls: [], replied: false, deferred: false, responded: false };
  const record = (method: Call['method']) =>
    function (options: unknown): Promise<void> {
      if (state.failNext === method) {
        state.failNext = undefined;
        return Promise.reject(new Error('Unknown interaction'));
      }
      state.calls.push({ method, options });
      if (method === 'reply' || method === 'update') state.replied = true;
      if (method === 'respond') state.responded = true;
      return Promise.resolve();
    };
  const interaction = Object.assign(state, {
    id: '1200000000000000006',
    channelId: '1100000000000000003',
    user: { id: '1100000000000000004' },
    isChatInputCommand: () => kind === 'chat',
    isCommand: () => kind === 'chat',
    isAutocomplete: () => kind === 'autocomplete',
    isButton: () => kind === 'button',
    isMessageComponent: () => kind === 'button',
    isRepliable: () => kind !== 'autocomplete',
    reply: record('reply'),
    update: record('update'),
    followUp: record('followUp'),
    editReply: record('editReply'),
    respond: record('respond'),
    ...extra,
  });
  return interaction as unknown as Interaction & Base;
}

function options(values: Record<string, string | boolean | undefined>, focused?: string) {
  return {
    getString: (name: string) => (typeof values[name] === 'string' ? values[name] : null),
    getBoolean: (name: string) => (typeof values[name] === 'boolean' ? values[name] : null),
    getFocused: () => (focused === undefined ? '' : String(values[focused] ?? '')),
  };
}

export function chatInput(
  commandName: string,
  values: Record<string, string | boolean | undefined> = {},
  channelId?: string,
) {
  return base('chat', {
    commandName,
    options: options(values),
    ...(channelId === undefined ? {} : { channelId }),
  });
}

export function autocomplete(commandName: string, focused: string, value: string) {
  return base('autocomplete', { commandName, options: options({ [focused]: value }, focused) });
}

export function button(customId: string) {
  return base('button', { customId });
}
