// Action entry: everything happens in run().
import { run } from './action.js';

await run();
