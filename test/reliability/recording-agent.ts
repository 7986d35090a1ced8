/**
 * A RefusingAgent that also remembers every signature it carried out of the process (the
 * DirectMail `Signature` parameter, the `Signature=` of an Authorization header), so a test can
 * prove that no signature ever shows up in an error or a hook payload.
 */
import type { Dispatcher } from 'undici';
import { RefusingAgent } from '../helpers/refusing-agent.js';

export class RecordingAgent extends RefusingAgent {
  /** Every signature sent so far. */
  readonly signatures = new Set<string>();

  override dispatch(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): boolean {
    this.record(options);
    return super.dispatch(options, handler);
  }

  private record(options: Dispatcher.DispatchOptions): void {
    const headers = options.headers as Record<string, string> | undefined;
    const authorization = headers?.['authorization'];
    const fromHeader = authorization?.match(/Signature=([0-9a-fA-F]+)/)?.[1];
    if (fromHeader) this.signatures.add(fromHeader);
    const body = options.body;
    const text =
      typeof body === 'string'
        ? body
        : body instanceof Uint8Array
          ? Buffer.from(body).toString('utf8')
          : '';
    const query = options.path.split('?')[1] ?? '';
    for (const form of [text, query]) {
      if (!form.includes('Signature=')) continue;
      const signature = new URLSearchParams(form).get('Signature');
      if (signature) this.signatures.add(signature);
    }
  }
}
