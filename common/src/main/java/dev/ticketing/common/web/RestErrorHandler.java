package dev.ticketing.common.web;

import dev.ticketing.web.ApiError;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure to the contract's status and envelope; a stack trace goes only to the log. */
@RestControllerAdvice
class RestErrorHandler {

    static final String SOMETHING_WENT_WRONG = "Something went wrong";
    private static final Logger log = LoggerFactory.getLogger(RestErrorHandler.class);
    private static final Set<String> PRESENCE_RULES = Set.of("NotNull", "NotBlank", "NotEmpty");

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorEnvelope> api(ApiException e) {
        return respond(e.status(), List.of(ApiError.of(e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorEnvelope> invalidBody(MethodArgumentNotValidException e) {
        Object target = e.getBindingResult().getTarget();
        List<String> order = target == null || !target.getClass().isRecord() ? List.of()
                : Arrays.stream(target.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
        Map<String, FieldError> firstPerField = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparingInt((FieldError f) -> position(order, f.getField()))
                        .thenComparing(f -> PRESENCE_RULES.contains(f.getCode()) ? 0 : 1))
                .forEach(f -> firstPerField.putIfAbsent(f.getField(), f));
        return respond(HttpStatus.BAD_REQUEST, firstPerField.values().stream()
                .map(f -> new ApiError(f.getDefaultMessage(), f.getField()))
                .toList());
    }

    private static int position(List<String> order, String field) {
        int i = order.indexOf(field);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorEnvelope> invalidParameters(HandlerMethodValidationException e) {
        return respond(HttpStatus.BAD_REQUEST, e.getParameterValidationResults().stream()
                .map(r -> new ApiError(r.getResolvableErrors().get(0).getDefaultMessage(),
                        r.getMethodParameter().getParameterName()))
                .toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return respond(HttpStatus.NOT_FOUND, List.of(ApiError.of(ApiException.NOT_FOUND)));
        }
        return respond(HttpStatus.BAD_REQUEST, List.of(new ApiError("Invalid value", e.getName())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorEnvelope> missingParameter(MissingServletRequestParameterException e) {
        return respond(HttpStatus.BAD_REQUEST,
                List.of(new ApiError("Parameter is required", e.getParameterName())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return api(ErrorResponses.PAYLOAD_TOO_LARGE);
            }
            if (t instanceof UnstorableTextException text) {
                return respond(HttpStatus.BAD_REQUEST, List.of(new ApiError(UnstorableTextException.MESSAGE, text.field())));
            }
        }
        return respond(HttpStatus.BAD_REQUEST, List.of(ApiError.of("Invalid JSON body")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                List.of(ApiError.of("Content type must be application/json")));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class})
    ResponseEntity<ErrorEnvelope> unknownRoute(Exception e) {
        return respond(HttpStatus.NOT_FOUND, List.of(ApiError.of(ApiException.NOT_FOUND)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorEnvelope> unexpected(Exception e) {
        log.error("Unexpected failure answered 500", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, List.of(ApiError.of(SOMETHING_WENT_WRONG)));
    }

    private static ResponseEntity<ErrorEnvelope> respond(HttpStatus status, List<ApiError> errors) {
        return ResponseEntity.status(status).body(new ErrorEnvelope(errors));
    }
}
