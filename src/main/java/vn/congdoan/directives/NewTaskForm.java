package vn.congdoan.directives;

import java.util.List;

/**
 * What the new-task form offers for a document: the units directly under the issuer (today's tree) and the unit types
 * found below it, for "every unit of a type".
 */
public record NewTaskForm(DocumentView document, List<Option> childUnits, List<Option> unitTypes) {

    public NewTaskForm {
        childUnits = List.copyOf(childUnits);
        unitTypes = List.copyOf(unitTypes);
    }

    /** A choice: a unit (id as text) or a unit type (its code), with its name and how many units it stands for. */
    public record Option(String value, String name, long count) {}
}
