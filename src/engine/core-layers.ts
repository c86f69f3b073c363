/** @file Registers every layer's pyapi in coreModules (see core-modules.ts), one line per layer. */
import { registerCoreModule } from './core-modules';
import { pyapi as plotApi } from '../shared/plot/pyapi';
import { pyapi as tensorApi } from '../shared/tensor/pyapi';
import { pyapi as frameApi } from '../shared/frame/pyapi';

registerCoreModule('plot', plotApi);
registerCoreModule('tensor', tensorApi);
registerCoreModule('frame', frameApi);
