import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { ManualEvidenceService } from '../ManualEvidenceService';
import type { ReadinessRouter } from '../router';
import { audited } from './audit';
import { entityRefOf } from './query';

const BASE = '/entities/:kind/:namespace/:name';

/** Attestations and exemptions of an entity: list, create, grant, revoke (writes audited). */
export function bindManualEvidenceRoutes(
  router: ReadinessRouter,
  options: {
    manualEvidence: ManualEvidenceService;
    httpAuth: HttpAuthService;
    auditor: AuditorService;
  },
) {
  const { manualEvidence: service, httpAuth, auditor } = options;
  const user = (req: any) => httpAuth.credentials(req, { allow: ['user'] });

  router.get(`${BASE}/attestations`, async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await service.listAttestations(credentials, entityRefOf(req.params)),
    );
  });

  router.post(`${BASE}/attestations`, async (req, res) => {
    const entityRef = entityRefOf(req.params);
    const meta = { entityRef, checkId: req.body.checkId };
    res.json(
      await audited(
        auditor,
        req,
        { eventId: 'attestation-create', severityLevel: 'medium', meta },
        async () => ({
          value: await service.attest(await user(req), entityRef, req.body),
        }),
      ),
    );
  });

  router.delete(`${BASE}/attestations/:id`, async (req, res) => {
    const entityRef = entityRefOf(req.params);
    const meta = { entityRef, id: req.params.id };
    res.json(
      await audited(
        auditor,
        req,
        { eventId: 'attestation-revoke', severityLevel: 'medium', meta },
        async () => ({
          value: await service.revokeAttestation(
            await user(req),
            entityRef,
            req.params.id,
          ),
        }),
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
    const entityRef = entityRefOf(req.params);
    const meta = { entityRef, checkId: req.body.checkId };
    res.json(
      await audited(
        auditor,
        req,
        { eventId: 'exemption-request', severityLevel: 'high', meta },
        async () => ({
          value: await service.requestExemption(
            await user(req),
            entityRef,
            req.body,
          ),
        }),
      ),
    );
  });

  router.post(`${BASE}/exemptions/:id/grant`, async (req, res) => {
    const entityRef = entityRefOf(req.params);
    const meta = { entityRef, id: req.params.id };
    res.json(
      await audited(
        auditor,
        req,
        { eventId: 'exemption-grant', severityLevel: 'high', meta },
        async () => ({
          value: await service.grantExemption(
            await user(req),
            entityRef,
            req.params.id,
          ),
        }),
      ),
    );
  });

  router.delete(`${BASE}/exemptions/:id`, async (req, res) => {
    const entityRef = entityRefOf(req.params);
    const meta = { entityRef, id: req.params.id };
    res.json(
      await audited(
        auditor,
        req,
        { eventId: 'exemption-revoke', severityLevel: 'high', meta },
        async () => ({
          value: await service.revokeExemption(
            await user(req),
            entityRef,
            req.params.id,
          ),
        }),
      ),
    );
  });
}
