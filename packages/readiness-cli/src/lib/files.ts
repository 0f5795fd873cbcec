import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A problem with one input file or document; reported, never fatal for the others. */
export interface InputWarning {
  file: string;
  message: string;
}

function isEntity(value: unknown): value is Entity {
  const v = value as Entity;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.kind === 'string' &&
    typeof v.metadata === 'object' &&
    v.metadata !== null &&
    typeof v.metadata.name === 'string'
  );
}

/**
 * Reads catalog entities from YAML files, following `kind: Location` entities
 * to the files they name (relative `file` targets only). A document that is
 * not an entity is skipped with a warning.
 */
export function loadEntities(files: string[]): {
  entities: Entity[];
  warnings: InputWarning[];
} {
  const entities: Entity[] = [];
  const warnings: InputWarning[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    const abs = path.resolve(file);
    if (seen.has(abs)) return;
    seen.add(abs);
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (e) {
      warnings.push({ file, message: `cannot read: ${(e as Error).message}` });
      return;
    }
    parseAllDocuments(text).forEach((doc, i) => {
      const where = `${file} (document ${i + 1})`;
      if (doc.errors.length > 0) {
        warnings.push({
          file: where,
          message: `invalid YAML: ${doc.errors[0].message.split('\n')[0]}`,
        });
        return;
      }
      const value = doc.toJS();
      if (value === null || value === undefined) return;
      if (!isEntity(value)) {
        warnings.push({
          file: where,
          message:
            'not a catalog entity (needs kind and metadata.name); skipped',
        });
        return;
      }
      if (value.kind === 'Location') {
        const spec = (value.spec ?? {}) as {
          target?: string;
          targets?: string[];
          type?: string;
        };
        if (spec.type && spec.type !== 'file') return;
        for (const target of [
          ...(spec.target ? [spec.target] : []),
          ...(spec.targets ?? []),
        ]) {
          if (/^[a-z]+:\/\//i.test(target)) {
            warnings.push({
              file: where,
              message: `location target ${target} is a URL; only files are read`,
            });
          } else {
            visit(path.join(path.dirname(abs), target));
          }
        }
        return;
      }
      entities.push(value);
    });
  };
  files.forEach(visit);
  return { entities, warnings };
}

/** All `.yaml` / `.yml` files below a directory, sorted. */
export function yamlFilesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs
      .readdirSync(d, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}
