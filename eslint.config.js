// Lint rules. The `layers` list keeps imports flowing one way through the pipeline:
// a folder may import only from folders in earlier layers, and only through their index.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Pipeline order, lowest first. A stage may depend only on stages in earlier layers. */
const layers = [
  ['shared'],
  ['contract'],
  ['plan', 'store'],
  ['generate', 'ingest', 'compute'],
  ['protect'],
  ['narrate'],
  ['report'],
  ['cli', 'server'],
];
const all = layers.flat();

const layerRules = layers.flatMap((layer, i) =>
  layer.map((stage) => {
    const later = layers
      .slice(i)
      .flat()
      .filter((s) => s !== stage);
    const earlier = layers.slice(0, i).flat();
    return {
      files: [`src/${stage}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: [
                  ...later.map((s) => `**/${s}/*`),
                  ...(stage === 'cli' || stage === 'server' ? [] : ['**/pipeline.js']),
                ],
                message: `'${stage}' may only import from earlier pipeline stages (${earlier.join(', ') || 'none'}).`,
              },
              ...(earlier.length
                ? [
                    {
                      group: earlier.flatMap((s) => [`**/${s}/*`, `!**/${s}/index.js`]),
                      message: 'Import another stage only through its index.ts.',
                    },
                  ]
                : []),
            ],
          },
        ],
      },
    };
  }),
);

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'bench/out/**',
      'test/golden/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  ...layerRules,
  {
    files: ['src/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,js}', 'bin/**/*.js'],
    rules: { 'no-console': 'off' },
  },
);
export { all as stages };
