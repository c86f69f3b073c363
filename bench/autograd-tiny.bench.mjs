#!/usr/bin/env node
/**
 * @file Benchmark: autograd overhead from Python (`y = (x * x).sum(); y.backward()`, 4 elements) in DiveLab (through
 * `divelab run`) and in PyTorch 1.13 (/usr/bin/python3), same workload file (bench/autograd-tiny.py), same run.
 * Prints one line per implementation in bench/run.mjs's format (the driver is bench/python-vs-torch.mjs).
 */
import { benchPythonWorkload } from './python-vs-torch.mjs';

benchPythonWorkload({ workload: 'autograd-tiny.py', name: 'python (x * x).sum().backward() (4 elements), per iteration', unit: 'µs (best round)', field: 'us_per_iter' });
