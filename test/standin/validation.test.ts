import { DiscordAPIError, Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { useClientOnStandin } from './client.js';

describe('Discord stand-in with a real discord.js client: message bodies checked like Discord', () => {
  const c = useClientOnStandin();

  it.each([
    [
      'content over 2000',
      { content: 'x'.repeat(2001) },
      { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    ],
    [
      'more than 10 embeds',
      { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
      { embeds: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    ],
    [
      'embed title over 256',
      { embeds: [{ title: 't'.repeat(257) }] },
      { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } },
    ],
    [
      'embed description over 4096',
      { embeds: [{ description: 'd'.repeat(4097) }] },
      { embeds: { 0: { description: {} } } },
    ],
    [
      'more than 25 fields',
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
      { embeds: { 0: { fields: {} } } },
    ],
    [
      'field value over 1024',
      { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] },
      { embeds: { 0: { fields: { 0: { value: {} } } } } },
    ],
    [
      'embeds over 6000 characters in total',
      { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] },
      { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } },
    ],
    [
      'more than 5 action rows',
      {
        components: Array.from({ length: 6 }, (_, row) => ({
          type: 1,
          components: [{ type: 2, style: 1, label: 'b', custom_id: `r${row}` }],
        })),
      },
      { components: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    ],
    [
      'more than 5 buttons in a row',
      {
        components: [
          {
            type: 1,
            components: Array.from({ length: 6 }, (_, index) => ({
              type: 2,
              style: 1,
              label: 'b',
              custom_id: `b${index}`,
            })),
          },
        ],
      },
      { components: { 0: { components: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } },
    ],
    [
      'custom_id over 100 and label over 80',
      {
        components: [
          { type: 1, components: [{ type: 2, style: 1, label: 'l'.repeat(81), custom_id: 'c'.repeat(101) }] },
        ],
      },
      { components: { 0: { components: { 0: { custom_id: {}, label: {} } } } } },
    ],
    [
      'more than 25 select options',
      {
        components: [
          {
            type: 1,
            components: [
              {
                type: 3,
                custom_id: 'pick',
                options: Array.from({ length: 26 }, (_, index) => ({
                  label: `o${index}`,
                  value: `o${index}`,
                })),
              },
            ],
          },
        ],
      },
      {
        components: {
          0: { components: { 0: { options: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } },
        },
      },
    ],
  ])('validates channel messages like Discord: %s', async (_name, body, errors) => {
    const error = await c.client.rest
      .post(Routes.channelMessages(c.standin.channelId), { body })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({
      code: 50035,
      status: 400,
      rawError: { message: 'Invalid Form Body', errors },
    });
  });
});
