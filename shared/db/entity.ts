import { Entity as ElectroEntity } from 'electrodb';

/**
 * ElectroDB's Entity, minus the model validation its constructor runs. Our models are
 * constants in ./entities, and entities.test.ts runs ElectroDB's own validator over every one
 * of them. Repeating that check at every cold start was most of a function's init time:
 * jsonschema walks each model twice (ADR 0014).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- typed below as ElectroDB's Entity
class PrevalidatedEntity extends ElectroEntity<any, any, any, any> {
  /** Replaces ElectroDB's `Entity.prototype._validateModel`, which its constructor calls. */
  _validateModel(): void {}
}

/** Typed as ElectroDB's own class, so that each model's types are inferred as before. */
export const Entity = PrevalidatedEntity as unknown as typeof ElectroEntity;
