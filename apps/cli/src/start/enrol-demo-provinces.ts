import { encodeCertificatePem, RESIDENT_ID_TYPE_ID, ZzError } from '@zhengzhao/core';
import type { RunningNationalRegistry } from './start-national-registry.js';
import type { RunningProvince } from './start-province.js';

/** The trust-list id of a demo province's public-security authority. */
export const authorityIdOf = (code: string): string => `cn-${code}-gat`;

/**
 * Enrols a province's authority in the national trust registry (its IACA root, its document
 * signer, `cn.gov.eid.1`, its status lists), or — on later starts, when it is enrolled — makes
 * sure its current document signer is (a renewed one is added: key rotation); the same for the
 * province's other authorities (kind and credential type of their own). Idempotent.
 */
export async function enrolProvince(registry: RunningNationalRegistry, running: RunningProvince): Promise<void> {
  const { province, authority, issuerUrl } = running;
  const id = authorityIdOf(province.code);
  const documentSigner = encodeCertificatePem(authority.documentSignerDer);
  const enrolled = await registry.admin('POST', '/admin/authorities', {
    id,
    name: { 'zh-CN': `${province.name['zh-CN']} (演示)`, en: `${province.name.en} (demo)` },
    kind: 'public_security',
    region: province.code,
    suite: authority.suite,
    iaca: [encodeCertificatePem(authority.rootDer)],
    document_signers: [documentSigner],
    credential_types: [RESIDENT_ID_TYPE_ID],
    status_lists: [`${issuerUrl}/status/`],
  });
  await settle(registry, id, enrolled, documentSigner);
  for (const agency of running.agencies) {
    const agencyId = `cn-${province.code}-${agency.agency.id}`;
    const signer = encodeCertificatePem(agency.authority.documentSignerDer);
    const answer = await registry.admin('POST', '/admin/authorities', {
      id: agencyId,
      name: { 'zh-CN': `${agency.agency.name['zh-CN']} (演示)`, en: `${agency.agency.name.en} (demo)` },
      kind: agency.agency.kind,
      region: province.code,
      suite: agency.authority.suite,
      iaca: [encodeCertificatePem(agency.authority.rootDer)],
      document_signers: [signer],
      credential_types: [agency.agency.credentialType],
      status_lists: [`${agency.issuerUrl}/status/`],
    });
    await settle(registry, agencyId, answer, signer);
  }
}

/** Enrolled now (201), or enrolled before (409): then its current document signer is made sure of. */
async function settle(
  registry: RunningNationalRegistry,
  id: string,
  enrolled: { status: number; body: unknown },
  documentSigner: string,
): Promise<void> {
  if (enrolled.status === 201) return;
  if (enrolled.status !== 409) throw enrolmentFailed(id, enrolled);
  const added = await registry.admin('POST', `/admin/authorities/${id}/document-signers`, { pem: documentSigner });
  if (added.status !== 201 && added.status !== 409) throw enrolmentFailed(id, added);
}

function enrolmentFailed(id: string, answer: { status: number; body: unknown }): ZzError {
  const code = (answer.body as { code?: string } | undefined)?.code ?? `HTTP ${answer.status}`;
  return new ZzError('ERR_CONFIG_INVALID', `Enrolling ${id} in the national trust registry failed: ${code}`);
}
