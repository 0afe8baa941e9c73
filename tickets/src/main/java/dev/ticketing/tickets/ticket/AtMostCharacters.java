package dev.ticketing.tickets.ticket;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text of at most {@link #value} characters, counted as people count them (code points): an emoji
 * is one character, although Java stores it as two UTF-16 units, which is what {@code @Size} counts.
 * PostgreSQL's {@code VARCHAR(n)} counts characters the same way.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AtMostCharacters.Validator.class)
@interface AtMostCharacters {

    int value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AtMostCharacters, String> {

        private int max;

        @Override
        public void initialize(AtMostCharacters constraint) {
            max = constraint.value();
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || text.codePointCount(0, text.length()) <= max;
        }
    }
}
