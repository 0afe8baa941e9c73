package dev.ticketing.client.web;

import dev.ticketing.client.api.ApiRefusal;
import dev.ticketing.web.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's complaints about a form: those about one of the form's fields go next to that field
 * (Bootstrap {@code is-invalid} + {@code invalid-feedback}), everything else above the form as alerts.
 */
public final class FormErrors {

    private static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    private final Map<String, String> byField;
    private final List<String> general;

    private FormErrors(Map<String, String> byField, List<String> general) {
        this.byField = byField;
        this.general = general;
    }

    public static FormErrors none() {
        return NONE;
    }

    public static FormErrors from(ApiRefusal problem, String... formFields) {
        Set<String> fields = Set.of(formFields);
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ApiError error : problem.errors()) {
            if (error.field() != null && fields.contains(error.field())) {
                byField.putIfAbsent(error.field(), error.message());
            } else if (!general.contains(error.message())) {
                general.add(error.message());
            }
        }
        return new FormErrors(Map.copyOf(byField), List.copyOf(general));
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.get(field);
    }

    public List<String> getGeneral() {
        return general;
    }

    public boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }
}
