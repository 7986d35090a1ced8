/** What every Tencent action handler receives, and what it returns. */
import type { EmuContext } from '../types.js';
import type { Params } from './params.js';
import type { TencentState } from './state.js';

export interface ActionContext {
  readonly state: TencentState;
  readonly ctx: EmuContext;
  readonly params: Params;
  readonly requestId: string;
}

/** Output fields of the action (RequestId is added by the envelope). */
export type ActionResult = Readonly<Record<string, unknown>>;

export type ActionHandler = (a: ActionContext) => ActionResult;
