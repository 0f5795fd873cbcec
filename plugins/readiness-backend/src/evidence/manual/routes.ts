import { ManualEvidenceService } from './ManualEvidenceService';
import type { ReadinessRouter, RouteContext } from '../../platform/http/router';
import { entityWriter } from '../../platform/http/audit';
import { entityRefOf } from '../../platform/http/query';

const BASE = '/entities/:kind/:namespace/:name';

/** Attestations and exemptions of an entity: list, create, grant, revoke (writes audited). */
export function bindManualEvidenceRoutes(
  router: ReadinessRouter,
  options: RouteContext & { manualEvidence: ManualEvidenceService },
) {
  const { manualEvidence: service, httpAuth } = options;

  /** One audited write by a signed-in person on the entity of the path. */
  const write = entityWriter(options, req => ({
    id: req.params.id,
    checkId: req.body?.checkId,
    reason: req.body?.reason,
  }));

  router.get(`${BASE}/attestations`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await service.listAttestations(credentials, entityRefOf(req.params)),
    );
  });

  router.post(`${BASE}/attestations`, async (req, res) => {
    res.json(
      await write(req, 'attestation-create', 'medium', (user, ref) =>
        service.attest(user, ref, req.body),
      ),
    );
  });

  router.delete(`${BASE}/attestations/:id`, async (req, res) => {
    res.json(
      await write(req, 'attestation-revoke', 'medium', (user, ref) =>
        service.revokeAttestation(user, ref, req.params.id, req.body),
      ),
    );
  });

  router.get(`${BASE}/exemptions`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await service.listExemptions(credentials, entityRefOf(req.params)),
    );
  });

  router.post(`${BASE}/exemptions`, async (req, res) => {
    res.json(
      await write(req, 'exemption-request', 'high', (user, ref) =>
        service.requestExemption(user, ref, req.body),
      ),
    );
  });

  router.post(`${BASE}/exemptions/:id/grant`, async (req, res) => {
    res.json(
      await write(req, 'exemption-grant', 'high', (user, ref) =>
        service.grantExemption(user, ref, req.params.id),
      ),
    );
  });

  router.delete(`${BASE}/exemptions/:id`, async (req, res) => {
    res.json(
      await write(req, 'exemption-revoke', 'high', (user, ref) =>
        service.revokeExemption(user, ref, req.params.id),
      ),
    );
  });
}
