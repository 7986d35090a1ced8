/**
 * The one check of a raw `call`'s untyped parameters (both adapters use it): JSON values only,
 * each place JSON would drop, change or fail on named by its path.
 */
import { describe, expect, it } from 'vitest';
import { untypedParamsIssues } from '../src/provider/untyped-params.js';

describe('untypedParamsIssues', () => {
  it('accepts JSON values, an absent (undefined) parameter and a shared, acyclic object', () => {
    const shared = { id: 1 };
    const params = {
      s: 'x',
      n: -1.5,
      b: false,
      z: null,
      gone: undefined,
      list: [1, 'two', [true], { deep: shared }],
      again: shared,
      bare: Object.assign(Object.create(null) as object, { k: 'v' }),
    };
    expect(untypedParamsIssues(params, ['params'])).toEqual([]);
  });

  it('wants a plain object at the top', () => {
    for (const params of [null, [], 'x', 1, new Map()]) {
      expect(untypedParamsIssues(params, ['Act'])).toEqual([
        { path: ['Act'], message: 'the action parameters as a plain object (JSON)' },
      ]);
    }
  });

  it('names every value JSON would drop, change or fail on', () => {
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    const holes: unknown[] = [1];
    holes[2] = 3; // index 1 is a hole
    const issues = untypedParamsIssues(
      {
        big: 1n,
        fn: () => 1,
        sym: Symbol('s'),
        nan: Number.NaN,
        date: new Date(0),
        map: new Map(),
        arr: [undefined],
        holes,
        loop,
      },
      [],
    );
    expect(issues.map((i) => [i.path, i.message.replace(/^.*; got /, '')])).toEqual([
      [['big'], 'a bigint'],
      [['fn'], 'a function'],
      [['sym'], 'a symbol'],
      [['nan'], 'NaN'],
      [['date'], 'a Date'],
      [['map'], 'a Map'],
      [['arr', 0], 'undefined in an array'],
      [['holes', 1], 'undefined in an array'],
      [['loop', 'self'], 'refers to an object that contains it (a cycle)'],
    ]);
  });

  it('stops at a depth no provider uses, and lists at most ten issues', () => {
    let deep: Record<string, unknown> = {};
    const top = deep;
    for (let i = 0; i < 100; i++) deep = deep['a'] = {};
    expect(untypedParamsIssues(top, [])).toEqual([
      { path: Array(33).fill('a'), message: 'nested deeper than 32 levels' },
    ]);
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 1n]));
    expect(untypedParamsIssues(many, [])).toHaveLength(10);
  });
});
