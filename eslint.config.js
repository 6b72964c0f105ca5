// ESLint flat config. Not type-aware on purpose (tsc already type-checks; this stays fast).
// Run: npx eslint . --max-warnings 0
const js = require('@eslint/js');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const importPlugin = require('eslint-plugin-import');

function installed(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

// import/no-cycle has to resolve relative imports to follow them. Prefer the TypeScript resolver
// (tsconfig paths, .js -> .ts) when it is installed; otherwise the node resolver with .ts added.
const importResolver = installed('eslint-import-resolver-typescript')
  ? { typescript: { project: './tsconfig.json' }, node: { extensions: ['.ts', '.js'] } }
  : { node: { extensions: ['.ts', '.js'] } };

// Only for the CommonJS .js files (configs); TypeScript files are checked by tsc, not no-undef.
const nodeGlobals = Object.fromEntries(
  ['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer'].map((name) => [
    name,
    'readonly',
  ]),
);

module.exports = defineConfig(
  {
    name: 'project/ignores',
    ignores: ['dist/', 'node_modules/', 'src/generated/', 'coverage/', 'data/', 'test/generated/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  importPlugin.flatConfigs.recommended,
  importPlugin.flatConfigs.typescript,
  {
    name: 'project/base',
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    settings: { 'import/resolver': importResolver },
    rules: {
      'no-console': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],

      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-self-import': 'error',
      'import/no-duplicates': 'error',
      'import/export': 'error',
      // TypeScript already resolves and checks imports; these only duplicate tsc (and the node
      // resolver does not understand package.json "exports", which would give false reports).
      'import/no-unresolved': 'off',
      'import/named': 'off',
      'import/namespace': 'off',
      'import/default': 'off',
      'import/no-named-as-default': 'off',
      'import/no-named-as-default-member': 'off',
    },
  },
  {
    name: 'project/commonjs-js',
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'project/scripts',
    files: ['scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
