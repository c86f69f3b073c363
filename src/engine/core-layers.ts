/** @file Registers every layer's pyapi in coreModules (see core-modules.ts), one line per layer. */
import { registerCoreModule } from './core-modules';
import { pyapi as plotApi } from '../shared/plot/pyapi';
// autograd's pyapi is the tensor core's with the differentiable ops installed (src/shared/autograd/pyapi.ts)
import { pyapi as tensorApi } from '../shared/autograd/pyapi';
import { pyapi as frameApi } from '../shared/frame/pyapi';
import { makeDeviceApi } from './core/cuda-devices';
import { coreModules } from './core-modules';

registerCoreModule('plot', plotApi);
registerCoreModule('tensor', tensorApi);
registerCoreModule('frame', frameApi);
// the tensor module is looked up at call time: enableCuda (browser mode with WebGPU) swaps in a device-aware one
registerCoreModule('device', makeDeviceApi(() => coreModules['tensor'] as Record<string, unknown>));
