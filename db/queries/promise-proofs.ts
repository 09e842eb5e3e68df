import type { Queryable } from '../client.js';

export interface ProofRow {
  id: string;
  promiseId: string;
  addedBy: string;
  text: string;
  fileName: string | null;
  fileType: string | null;
  fileBytes: number | null;
  createdAt: Date;
}

export async function insertProof(
  q: Queryable,
  p: {
    promiseId: string;
    merchantId: string;
    addedBy: string;
    text: string;
    file?: { name: string; type: string; data: Buffer };
  },
): Promise<ProofRow> {
  const [row] = await q<ProofRow[]>`
    insert into promise_proofs (promise_id, merchant_id, added_by, text, file_name, file_type, file_data)
    values (${p.promiseId}, ${p.merchantId}, ${p.addedBy}, ${p.text}, ${p.file?.name ?? null},
            ${p.file?.type ?? null}, ${p.file?.data ?? null})
    returning id, promise_id, added_by, text, file_name, file_type, octet_length(file_data) as file_bytes, created_at`;
  return row!;
}

export async function listProofs(q: Queryable, promiseId: string): Promise<ProofRow[]> {
  return q<ProofRow[]>`
    select id, promise_id, added_by, text, file_name, file_type, octet_length(file_data) as file_bytes, created_at
    from promise_proofs where promise_id = ${promiseId} order by created_at, id`;
}

export async function getProofFile(
  q: Queryable,
  promiseId: string,
  proofId: string,
): Promise<{ fileName: string; fileType: string; fileData: Buffer } | undefined> {
  const [row] = await q<{ fileName: string; fileType: string; fileData: Buffer }[]>`
    select file_name, file_type, file_data from promise_proofs
    where id = ${proofId} and promise_id = ${promiseId} and file_data is not null`;
  return row;
}
