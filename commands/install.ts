import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

type Install = Required<
  Pick<RESTPostAPIChatInputApplicationCommandsJSONBody, 'integration_types' | 'contexts'>
>;

/**
 * Lookups work everywhere: installed to a server or to a user's account, in servers, in DMs with
 * the bot and in other DMs and group DMs (answers need only the user, never a member).
 */
export const EVERYWHERE: Install = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
};

/** Only in servers that installed the bot (a briefing lives in a server channel). */
export const SERVER_ONLY: Install = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
};
