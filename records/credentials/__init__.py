"""Portable certificates: each course completion as an Open Badges 3.0 credential (a W3C
Verifiable Credential secured as a compact JWS, ``application/vc+jwt``), the issuer's
public keys, and the Bitstring Status Lists that say which credentials were revoked or
superseded. README: *Open Badges credentials*."""
