#!/usr/bin/env node
/**
 * @file Benchmark: `torch.mm` of 1024x1024 float32 from Python, in DiveLab (Pyodide + the CPU backend's wasm GEMM,
 * through `divelab run`) and in PyTorch 1.13 (/usr/bin/python3, 2 threads), same workload file
 * (bench/python-matmul.py), same run. Prints one line per implementation in bench/run.mjs's format (driver:
 * bench/python-vs-torch.mjs).
 */
import { benchPythonWorkload } from './python-vs-torch.mjs';

benchPythonWorkload({ workload: 'python-matmul.py', name: 'python torch.mm 1024x1024 float32', unit: 'GFLOPS (best round)', field: 'gflops' });
