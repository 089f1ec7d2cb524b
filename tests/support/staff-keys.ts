// A test-only ES256 key pair for the staff API (never used anywhere else): the public half is the
// Worker's STAFF_API_PUBLIC_KEY in the test configs, the private half signs assertions as the CMS.
const point = {
  kty: 'EC',
  crv: 'P-256',
  x: 'T94gFgg8lFYV856QwbGOYIAtKKnLA0dEOFqlyiawbsw',
  y: '70eNuiU4KFvpty-jKUcKwBNNxARYYKn42OHQPvaAvYo',
}
export const staffTestPublicKey = point
export const staffTestPrivateKey = { ...point, d: 'mGIsvdOFYrwaj7xINYQvNzdQvqJI1Cgv5Rz3rbGd_v4' }
