/**
 * GitHub attestations (engine/attest.ts) in the step's outputs and the job summary. Registry and API
 * text (ids, names, digests) goes through escape.ts.
 */
import {subjectName, type AttestationEntry, type AttestResult} from '../engine/attest.js';
import type {Plan} from '../pipeline/plan.js';
import {code, codeBlock, logValue, text} from './escape.js';

/** The `attestations` output: one entry per image name and index digest. */
export function attestationsOutputs(result: AttestResult): Record<string, string> {
  return {
    attestations: JSON.stringify(
      result.attestations.map(a => ({image: a.image, digest: a.digest, 'attestation-id': a.attestationId, 'attestation-url': a.attestationUrl, bundle: a.bundle, 'referrers-tag': a.referrersTag, sigstore: a.sigstore}))
    )
  };
}

/** The `gh attestation verify` command of one attested index. */
export function ghVerifyCommand(image: string, digest: string, owner: string): string {
  return `gh attestation verify oci://${image}@${digest} --owner ${owner}`;
}

/** The summary's "GitHub attestations" section; '' when nothing was asked. */
export function attestationsSummary(r: {result?: AttestResult; made?: AttestationEntry[]; owner: string; error?: string} | undefined): string {
  if (!r) return '';
  const made = r.result?.attestations ?? r.made ?? [];
  // a blank line first: after the summary's closing </details> a heading would be read as part of that HTML block
  const lines = ['', '### GitHub attestations', ''];
  if (r.error) {
    lines.push(`❌ Attesting failed: ${text(r.error)}`, '', 'No tag was created or moved: nothing was released. The content is in the registry by digest.', '');
    if (made.length) lines.push('The attestations made before it stopped stay (in the repository\'s attestations and beside the images, below): they are about this content by digest, which no release tag points at.', '');
  } else {
    lines.push(`SLSA build provenance of every index, made before any tag moved (Sigstore: ${r.result?.sigstore === 'public-good' ? 'public-good, the repository is public' : 'GitHub\'s instance, the repository is not public'}). Verify with:`, '');
    lines.push(...codeBlock(made.map(a => ghVerifyCommand(a.image, a.digest, r.owner)), 'sh'), '');
  }
  if (made.length) {
    lines.push('| image | index | attestation | bundle in the registry |', '| --- | --- | --- | --- |');
    for (const a of made) {
      const id = a.attestationUrl ? `[${text(a.attestationId)}](${encodeURI(a.attestationUrl).replace(/[()]/g, c => encodeURIComponent(c))})` : text(a.attestationId || 'not stored');
      const where = `${code(a.bundle.slice(a.image.length + 1))}${a.referrersTag ? ` (listed by the tag ${code(a.referrersTag)})` : ' (referrers API)'}`;
      lines.push(`| ${code(a.image)} | ${code(a.digest)} | ${id} | ${where} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The dry run's and the plan's words for the attestations to be made; [] when none would be. */
export function attestPlanLines(plan: Plan, githubAttestations: boolean | undefined, mode: string): string[] {
  if (!githubAttestations || !['publish', 'merge'].includes(mode)) return [];
  return [
    'GitHub attestations (github-attestations: true): SLSA build provenance of each index, after the content is verified and before any tag moves; stored in the repository\'s attestations and pushed beside the image:',
    ...plan.builds.flatMap(b => b.images.map(name => `  ${logValue(name)}: its index, as the subject ${logValue(subjectName(name))}; the bundle an OCI referrer of it (or listed by the tag sha256-<hex>)`))
  ];
}

/** The dry run's "GitHub attestations" part of the summary; '' when nothing would be attested. */
export function attestPlanSummary(lines: string[]): string {
  if (!lines.length) return '';
  return ['', '### GitHub attestations (github-attestations: true)', '', ...codeBlock(lines), ''].join('\n');
}
