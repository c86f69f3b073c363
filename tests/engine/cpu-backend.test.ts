/**
 * @file The engine's CPU backend from Python: large matmuls run on its wasm kernels and match a float64 product,
 * large sums/means/column sums/cumsums print PyTorch's own digits,
 * and an interrupt during a long matmul stops it promptly with KeyboardInterrupt ([Note: kernel interrupts] in
 * src/engine/core/cpu-backend.ts), after which the backend still works.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startEngine, type EngineHandle } from '../helpers/divelab';

let engine: EngineHandle | null = null;
afterEach(() => { engine?.close(); engine = null; });

const text = (r: { result?: { data: Record<string, unknown> } }): unknown => r.result?.data['text/plain'];
/** What the sums test prints under Debian's PyTorch 1.13 with torch.set_num_threads(1). */
const TORCH_SUMS = '-495.35113525390625 -0.000495349639095366 -495.3484802246094\n-4.618073463439941 2.602590799331665 -0.0011772337602451444';

describe('CPU backend in the engine', () => {
  it('matmul of float32 and float64 agrees with a float64 product', async () => {
    engine = await startEngine();
    // the status bar's label (select.ts's wording), one thread per core
    await engine.waitFor((m) => m.type === 'ready');
    expect(engine.messages.find((m) => m.type === 'ready')).toMatchObject({ backend: expect.stringMatching(/^CPU · \d+ threads?$/) });
    const r = await engine.run([
      'import torch',
      'a = torch.randn(200, 300); b = torch.randn(300, 150)',
      'c32 = a @ b; c64 = a.double() @ b.double()',
      'ok32 = (c32.double() - c64).abs().max().item() < 1e-3',
      'ok64 = ((a.double().t().contiguous().t()) @ b.double() - c64).abs().max().item() < 1e-12',
      'ok_add = torch.equal((a * 2 + a)[:, :1], (a[:, :1] * 2 + a[:, :1]))',
      'ok32, ok64, ok_add',
    ].join('\n'));
    expect(r.error).toBeUndefined();
    expect(text(r)).toBe('(True, True, True)');
  });

  it('large sums, means, column sums and cumsums print PyTorch 1.13\'s own (single-thread) digits', async () => {
    engine = await startEngine();
    // exact data in both (double arithmetic, one rounding to float32); the expected reprs come from Debian's
    // PyTorch with torch.set_num_threads(1) (the order DiveLab keeps: [Note: cascade sum])
    const r = await engine.run([
      'import torch',
      'i = torch.arange(1000003, dtype=torch.float64)',
      'x = ((i * 7919) % 2003 / 1001.5 - 1).float()',
      'm = x[:999000].reshape(1000, 999)',
      'print(repr(x.sum().item()), repr(x.mean().item()), repr(x.cumsum(0)[-1].item()))',
      'print(repr(m.sum(0)[40].item()), repr(m.sum(1)[3].item()), repr(m.mean(0)[998].item()))',
    ].join('\n'));
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe(`${TORCH_SUMS}\n`);
  });

  it('a loop of large temporaries neither exhausts the heap nor changes results ([Note: heap budget])', async () => {
    engine = await startEngine();
    // 120 dead 40 MB results: 4.8 GB of heap if every one stayed there until the garbage collector ran
    const r = await engine.run('import torch\nx = torch.randn(10**7)\nfor _ in range(120):\n    y = x + x\ntorch.equal(y, x * 2), y.shape');
    expect(r.error).toBeUndefined();
    expect(text(r)).toBe('(True, torch.Size([10000000]))');
  });

  it('an interrupt during a long torch.mm raises KeyboardInterrupt at once; the backend works afterwards', async () => {
    engine = await startEngine();
    await engine.run('import torch, sys\na = torch.randn(3000, 3000)');
    // the cell announces itself with an explicit flush: while the kernel runs, Python cannot flush its output
    const id = engine.start('print("go"); sys.stdout.flush()\nc = torch.mm(a, a)\n"finished"');
    await engine.waitFor((m) => m.type === 'stream' && m.id === id);
    const t0 = performance.now();
    engine.send({ type: 'interrupt' });
    const run = await engine.collect(id);
    const ms = performance.now() - t0;
    expect(run.error?.ename).toBe('KeyboardInterrupt');
    expect(run.error!.traceback.at(-1)).toBe('KeyboardInterrupt');
    expect(run.error!.traceback.join('\n')).toContain('torch.mm(a, a)');
    // as PyTorch shows it: the cell's line only, no JS frames, nothing extra on stderr
    expect(run.error!.traceback.join('\n')).not.toMatch(/\.(ts|js|mjs):\d/);
    expect(run.stderr).toBe('');
    expect(run.result).toBeUndefined();
    // the 3000³ product takes seconds here; the pool stops between row blocks
    expect(ms).toBeLessThan(1500);
    const after = await engine.run('b = torch.ones(100, 100)\n(b @ b)[0, 0].item(), (b + b).sum().item()');
    expect(text(after)).toBe('(100.0, 20000.0)');
  });
});
