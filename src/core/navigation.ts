import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
} from 'discord-api-types/v10';
import { DISCORD_LIMITS } from './limits.js';
import { truncatePlain } from './text.js';

/** Where the Previous and Next buttons lead: a custom_id each, or undefined at an end. */
export interface NavTargets {
  readonly previous: string | undefined;
  readonly next: string | undefined;
}

export interface LinkButton {
  readonly label: string;
  readonly url: string | undefined;
}

/**
 * One action row: Previous / Next (shown only when there is somewhere to go) and a link button.
 * Disabled buttons get their own ids so that ids stay unique in the message.
 */
export function navigationRow(
  prefix: string,
  targets: NavTargets | undefined,
  link: LinkButton | undefined,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const buttons: APIButtonComponent[] = [];
  if (targets !== undefined && (targets.previous !== undefined || targets.next !== undefined)) {
    buttons.push(
      navButton('◀ Previous', targets.previous ?? `${prefix}:none:previous`, targets.previous === undefined),
    );
    buttons.push(navButton('Next ▶', targets.next ?? `${prefix}:none:next`, targets.next === undefined));
  }
  if (link?.url !== undefined && link.url.length <= DISCORD_LIMITS.linkUrl) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: truncatePlain(link.label, DISCORD_LIMITS.buttonLabel),
      url: link.url,
    });
  }
  return buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons }];
}

function navButton(label: string, customId: string, disabled: boolean): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: customId, disabled };
}
