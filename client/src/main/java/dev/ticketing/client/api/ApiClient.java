package dev.ticketing.client.api;

import dev.ticketing.client.ClientProperties;
import dev.ticketing.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * Calls the JSON APIs through the gateway on behalf of the browser whose request is being served
 * (its session cookie, address and request id go along, see {@link ForwardingInterceptor}).
 * A 2xx answer is returned; a 4xx becomes an {@link ApiRefusal} carrying the API's messages;
 * anything else (unreachable, timed out, 5xx) becomes an {@link ApiUnavailableException}.
 */
@Component
public class ApiClient {

    private static final Logger log = LoggerFactory.getLogger(ApiClient.class);
    private static final ParameterizedTypeReference<ErrorEnvelope> ENVELOPE = new ParameterizedTypeReference<>() {
    };

    private final RestClient rest;

    public ApiClient(RestClient.Builder builder, ClientProperties properties) {
        this.rest = builder.baseUrl(properties.api().url().toString())
                .requestInterceptor(new ForwardingInterceptor())
                .build();
    }

    /** Whether the browser being served sent a session cookie at all (no cookie: certainly signed out). */
    public static boolean carriesSession(HttpServletRequest request) {
        return ForwardingInterceptor.sessionCookie(request) != null;
    }

    public <T> T get(Class<T> type, String uri, Object... variables) {
        return exchange(HttpMethod.GET, uri, variables, null, ParameterizedTypeReference.<T>forType(type)).body();
    }

    public <T> T get(ParameterizedTypeReference<T> type, String uri, Object... variables) {
        return exchange(HttpMethod.GET, uri, variables, null, type).body();
    }

    /** A GET whose answer's headers matter (a list's {@code Link} to its next page). */
    public <T> ApiResponse<T> getWithHeaders(ParameterizedTypeReference<T> type, String uri, Object... variables) {
        return exchange(HttpMethod.GET, uri, variables, null, type);
    }

    public <T> T post(Object body, Class<T> type, String uri, Object... variables) {
        return exchange(HttpMethod.POST, uri, variables, body, ParameterizedTypeReference.<T>forType(type)).body();
    }

    public <T> T put(Object body, Class<T> type, String uri, Object... variables) {
        return exchange(HttpMethod.PUT, uri, variables, body, ParameterizedTypeReference.<T>forType(type)).body();
    }

    /** A POST whose answer's {@code Set-Cookie} headers matter (sign-up, sign-in, sign-out). */
    public <T> ApiResponse<T> postForCookies(Object body, Class<T> type, String uri) {
        return exchange(HttpMethod.POST, uri, new Object[0], body, ParameterizedTypeReference.<T>forType(type));
    }

    private <T> ApiResponse<T> exchange(HttpMethod method, String uri, Object[] variables, Object body,
            ParameterizedTypeReference<T> type) {
        RestClient.RequestBodySpec request = rest.method(method).uri(uri, variables).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        try {
            return request.exchange((req, response) -> {
                HttpStatusCode status = response.getStatusCode();
                if (status.is2xxSuccessful()) {
                    T value = status.value() == 204 ? null : response.bodyTo(type);
                    return new ApiResponse<>(value, HttpHeaders.readOnlyHttpHeaders(response.getHeaders()));
                }
                if (status.is4xxClientError()) {
                    throw new ApiRefusal(status.value(), errorsOf(response));
                }
                throw new ApiUnavailableException(method + " " + req.getURI().getPath() + " answered " + status.value(), null);
            });
        } catch (ResourceAccessException e) {
            throw new ApiUnavailableException(method + " " + uri + " failed: " + e.getMostSpecificCause(), e);
        } catch (ApiRefusal | ApiUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // an unreadable success body, for example: the API is not the API we expect
            log.warn("{} {} gave an answer the client cannot read: {}", method, uri, e.toString());
            throw new ApiUnavailableException(method + " " + uri + " gave an unreadable answer", e);
        }
    }

    private static List<ApiError> errorsOf(ConvertibleClientHttpResponse response) throws IOException {
        List<ApiError> errors = null;
        if (isJson(response)) {
            try {
                ErrorEnvelope envelope = response.bodyTo(ENVELOPE);
                errors = envelope == null ? null : envelope.errors();
            } catch (RuntimeException e) {
                errors = null;
            }
        }
        if (errors == null || errors.isEmpty() || errors.stream().anyMatch(error -> error == null || error.message() == null)) {
            // not the services' envelope (a proxy's own page, say): say what the status says
            return List.of(ApiError.of(fallbackMessage(response)));
        }
        return errors;
    }

    private static boolean isJson(ClientHttpResponse response) {
        MediaType type = response.getHeaders().getContentType();
        return type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"));
    }

    private static String fallbackMessage(ClientHttpResponse response) throws IOException {
        return switch (response.getStatusCode().value()) {
            case 401 -> "Not authorized";
            case 404 -> "Not found";
            case 429 -> "Too many attempts, try again later";
            default -> "The request could not be completed (" + response.getStatusCode().value() + ")";
        };
    }

    record ErrorEnvelope(List<ApiError> errors) {
    }
}
