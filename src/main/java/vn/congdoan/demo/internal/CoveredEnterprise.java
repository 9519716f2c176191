package vn.congdoan.demo.internal;

/** An employer whose grassroots union exists today in the demo tree, for the enterprise register. */
record CoveredEnterprise(
        long unitId, String enterpriseName, String ownershipCode, String sectorCode, String communeName) {}
