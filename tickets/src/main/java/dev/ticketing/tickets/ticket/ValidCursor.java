package dev.ticketing.tickets.ticket;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A cursor token as a {@code Link: rel="next"} gave it, or none. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidCursor.Validator.class)
@interface ValidCursor {

    String message() default "Cursor is not valid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidCursor, String> {

        @Override
        public boolean isValid(String token, ConstraintValidatorContext context) {
            return token == null || Cursor.of(token).isPresent();
        }
    }
}
