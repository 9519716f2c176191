package vn.congdoan.demo.internal;

/**
 * An employer whose grassroots union exists today in the demo tree, for the enterprise register.
 *
 * @param members the union's members, so that the workforce is at least as large
 */
record CoveredEnterprise(
        long unitId, String enterpriseName, String ownershipCode, String sectorCode, String communeName, int members) {}
