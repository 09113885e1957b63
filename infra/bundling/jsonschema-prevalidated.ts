/**
 * Lambda bundles only: stands in for `jsonschema`, which ElectroDB uses solely to validate
 * entity *definitions* when they are constructed. Ours are constants, and every test run
 * constructs them through the real validator (shared/db/entities.test.ts), so at run time
 * the check can only repeat a known pass. Dropping it saves 28 KB and cold-start work.
 * See docs/adr/0003-lambda-bundle-budget.md. Never used outside the Lambda bundle.
 */
export class Validator {
  customFormats: Record<string, (input: unknown) => boolean> = {};

  validate(): { errors: [] } {
    return { errors: [] };
  }
}
Validator.prototype.customFormats = {};
