/**
 * The engine inputs that reach docker's argv: `qemu-image` (`docker run ... <image>`), `buildkit-image`
 * (`--driver-opt image=<image>`, where a `,` would add a driver option) and `builder` (`--builder`,
 * `buildx inspect <name>`). A fork's workflow or a careless one must not turn them into flags or options,
 * so each is checked against the grammar docker/buildx use, before anything runs.
 */
import {parseReference} from '../../lib/reference.js';
import {InputError} from './errors.js';

/** A short, harmless excerpt of a bad value for a message (these inputs are not secret, but may be long). */
function excerpt(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}

/** An image reference input: `[registry/]path[:tag][@digest]`, as docker parses it. */
export function checkImageInput(input: string, value: string): InputError | undefined {
  if (parseReference(value)) return undefined;
  const why = value.startsWith('-')
    ? 'it starts with "-"'
    : /[\s,=]/.test(value)
      ? 'it holds whitespace, "," or "=" (which would become another option)'
      : 'it is not [registry/]name[:tag][@digest] with a lower-case name';
  return new InputError(input, `not an image reference: ${why} (e.g. tonistiigi/binfmt:latest, moby/buildkit:buildx-stable-1)`, undefined, excerpt(value));
}

/**
 * A builder name: buildx names a builder with letters, digits, `_`, `.` and `-`, starting with a letter or
 * digit (a docker context name used as a builder also fits, with `+`).
 */
export function checkBuilderName(value: string): InputError | undefined {
  if (/^[A-Za-z0-9][A-Za-z0-9_.+-]{0,127}$/.test(value)) return undefined;
  return new InputError('builder', 'not a builder name: letters, digits, "_", "." and "-", starting with a letter or digit (as buildx names builders)', undefined, excerpt(value));
}
