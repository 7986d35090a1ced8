import type { EmuContext } from '../types.js';
import type { DmParams } from './params.js';
import type { DmBody } from './render.js';
import type { DmState } from './state.js';

/** Everything an action handler gets: verified parameters, the account state and the clock. */
export interface DmCall {
  readonly action: string;
  readonly params: DmParams;
  readonly state: DmState;
  readonly ctx: EmuContext;
  readonly requestId: string;
  /** `ctx.now()` when the request arrived. */
  readonly now: number;
}

/** An action: answers its result fields, or throws DmFailure. */
export type DmHandler = (call: DmCall) => DmBody;
