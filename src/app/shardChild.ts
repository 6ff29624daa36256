/** IPC between the sharding manager and its shard processes (health and metrics for /healthz and /metrics). */
export interface ShardRequest {
  readonly egov: 'health' | 'metrics';
  readonly nonce: number;
}

export interface ShardReply {
  readonly egov: 'reply';
  readonly nonce: number;
  readonly data: unknown;
}

const isRequest = (message: unknown): message is ShardRequest =>
  typeof message === 'object' &&
  message !== null &&
  ((message as ShardRequest).egov === 'health' || (message as ShardRequest).egov === 'metrics') &&
  typeof (message as ShardRequest).nonce === 'number';

/** In a shard process: answers the manager's health and metrics requests. */
export function answerShardManager(handlers: {
  health(): Promise<unknown>;
  metrics(): Promise<unknown>;
}): void {
  process.on('message', (message: unknown) => {
    if (!isRequest(message) || process.send === undefined) return;
    const work = message.egov === 'health' ? handlers.health() : handlers.metrics();
    void work
      .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }))
      .then((data) => process.send?.({ egov: 'reply', nonce: message.nonce, data } satisfies ShardReply));
  });
}
