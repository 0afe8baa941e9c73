package dev.ticketing.tickets.ticket;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * A price: present and above 0, at most 1,000,000, at most two decimals. One constraint checks
 * the rules in that order, so a price breaking several gets the first rule's message.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPrice.Validator.class)
@interface ValidPrice {

    String GREATER_THAN_ZERO = "Price must be greater than 0";
    String AT_MOST_MAX = "Price must be at most 1000000";
    String AT_MOST_TWO_DECIMALS = "Price must have at most 2 decimals";
    BigDecimal MAX = new BigDecimal("1000000");

    String message() default GREATER_THAN_ZERO;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPrice, BigDecimal> {

        @Override
        public boolean isValid(BigDecimal price, ConstraintValidatorContext context) {
            String broken = firstBrokenRule(price);
            if (broken == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(broken).addConstraintViolation();
            return false;
        }

        static String firstBrokenRule(BigDecimal price) {
            if (price == null || price.signum() <= 0) {
                return GREATER_THAN_ZERO;
            }
            if (price.compareTo(MAX) > 0) {
                return AT_MOST_MAX;
            }
            if (price.stripTrailingZeros().scale() > 2) {
                return AT_MOST_TWO_DECIMALS;
            }
            return null;
        }
    }
}
