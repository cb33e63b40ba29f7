// Lets the compiled services (dist/) resolve the libs' path aliases (@cbec/*) at run time.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');

const root = path.resolve(__dirname, '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
const paths = Object.fromEntries(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, [target.replace(/\.ts$/, '')]]));
tsconfigPaths.register({ baseUrl: path.join(root, 'dist'), paths });
