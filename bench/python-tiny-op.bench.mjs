#!/usr/bin/env node
/**
 * @file Benchmark: Python per-op overhead (`y = x + x`, 4 elements) in DiveLab's torch (Pyodide + TS core, through
 * `divelab run`) and in PyTorch 1.13 (/usr/bin/python3), same workload file (bench/python-tiny-op.py), same run.
 * Prints one line per implementation in bench/run.mjs's format (the driver is bench/python-vs-torch.mjs).
 */
import { benchPythonWorkload } from './python-vs-torch.mjs';

benchPythonWorkload({ workload: 'python-tiny-op.py', name: 'python y = x + x (4 elements), per op', unit: 'µs (best round)', field: 'us_per_op' });
