/**
 * What `npm run bench:api` asks each server: Huhang's queries, PostGraphile's equivalents and the
 * mappings that put PostGraphile's answers in Huhang's shape, so that the three answers compare.
 */
export const NESTED_HUHANG = `query ($park: ID!) { park(id: $park) { enterprises(first: 50) { nodes {
  name creditCode zone { name } liaisonOfficer { name visits(first: 3) { nodes { visitedOn activities } } } } } } }`;
export const NESTED_PEER = `query ($park: Int!) { parkByRowId(rowId: $park) {
  enterprisesByParkId(first: 50, orderBy: [NAME_ASC, ROW_ID_ASC], condition: { archivedAt: null }) { nodes {
    name creditCode zoneByZoneId { name }
    liaisonAssignmentsByEnterpriseId(condition: { endsOn: null }) { nodes { officerByOfficerId {
      name visitsByOfficerId(first: 3, orderBy: [VISITED_ON_DESC, ROW_ID_DESC]) { nodes { visitedOn activities } } } } } } } } }`;
/** A park's resolved service requests received in a month (Beijing time), first 50, with enterprise and assigned unit. */
export const MONTH = { from: '2026-08-31T16:00:00.000Z', to: '2026-09-30T16:00:00.000Z' };
export const LIST_HUHANG = `query ($park: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  serviceRequests(first: 50, filter: { parkId: $park, statuses: [RESOLVED], receivedAt: { from: $from, to: $to } }) {
    nodes { kind status receivedAt enterprise { name } assignedUnit { name } } } }`;
/** PostGraphile's default preset filters by equality only: the month is a function of the data set (see prepare). */
export const LIST_PEER = `query ($park: Int!, $from: Datetime!, $to: Datetime!) {
  benchParkRequests(park: $park, wanted: "RESOLVED", receivedFrom: $from, receivedTo: $to, first: 50) {
    nodes { kind status receivedAt enterpriseByEnterpriseId { name } policeUnitByAssignedUnitId { name } } } }`;
export const NODE_HUHANG = `query ($id: ID!) { node(id: $id) { ... on Enterprise { name creditCode } } }`;
export const NODE_PEER = `query ($id: Int!) { enterpriseByRowId(rowId: $id) { name creditCode } }`;
export const RECORD_VISIT = `mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { visit { id } } }`;
/** The day the benchmark's visits are recorded on: within the data set, not in the future. */
export const VISIT_DAY = '2026-10-15';

export interface PeerEnterprise {
  name: string;
  creditCode: string;
  zoneByZoneId: { name: string };
  liaisonAssignmentsByEnterpriseId: { nodes: Array<{ officerByOfficerId: { name: string; visitsByOfficerId: { nodes: unknown[] } } }> };
}

/** PostGraphile's answer in Huhang's shape, to compare the data. */
export function peerNested(data: { parkByRowId: { enterprisesByParkId: { nodes: PeerEnterprise[] } } }) {
  return {
    park: {
      enterprises: {
        nodes: data.parkByRowId.enterprisesByParkId.nodes.map((e) => {
          const officer = e.liaisonAssignmentsByEnterpriseId.nodes[0]?.officerByOfficerId;
          return {
            name: e.name,
            creditCode: e.creditCode,
            zone: { name: e.zoneByZoneId.name },
            liaisonOfficer: officer ? { name: officer.name, visits: { nodes: officer.visitsByOfficerId.nodes } } : null,
          };
        }),
      },
    },
  };
}

export interface ListedRequest {
  kind: string;
  status: string;
  receivedAt: string;
  enterprise: { name: string };
  assignedUnit: { name: string } | null;
}

/** A list answer with its times as ISO strings, so that the three servers' answers compare. */
export function sameTimes(nodes: ListedRequest[]) {
  return { serviceRequests: { nodes: nodes.map((node) => ({ ...node, receivedAt: new Date(node.receivedAt).toISOString() })) } };
}

/** The month's list for PostGraphile: a set-returning function, as its users add a filter the default preset lacks. */
export const PEER_LIST_FUNCTION = `
  CREATE OR REPLACE FUNCTION bench_park_requests(park int, wanted text, received_from timestamptz, received_to timestamptz)
  RETURNS SETOF service_request LANGUAGE sql STABLE AS $$
    SELECT * FROM service_request
     WHERE park_id = park AND status = wanted AND received_at >= received_from AND received_at < received_to
     ORDER BY received_at DESC, id DESC $$`;
