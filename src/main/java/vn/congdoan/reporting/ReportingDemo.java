package vn.congdoan.reporting;

import vn.congdoan.shared.Actor;

/** Seeds the demo's 2025 targets and six-month reports; the demo loader calls it once, at the end. */
public interface ReportingDemo {

    void seed(Actor actor);
}
