/** @file Registers every layer's pyapi in coreModules (see core-modules.ts), one line per layer. */
import { registerCoreModule } from './core-modules';
import { pyapi as plotApi } from '../shared/plot/pyapi';
// autograd's pyapi is the tensor core's with the differentiable ops installed (src/shared/autograd/pyapi.ts)
import { pyapi as tensorApi } from '../shared/autograd/pyapi';
import { pyapi as frameApi } from '../shared/frame/pyapi';

registerCoreModule('plot', plotApi);
registerCoreModule('tensor', tensorApi);
registerCoreModule('frame', frameApi);
