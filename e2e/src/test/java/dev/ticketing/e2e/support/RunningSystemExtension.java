package dev.ticketing.e2e.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives test classes the shared {@link RunningSystem} and stops it when the whole test run ends. */
public final class RunningSystemExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSystem.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // values of the root store are closed once every test has run
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(ShutDown.class, type -> new ShutDown(), ShutDown.class);
        RunningSystem.shared();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningSystem.class || type == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningSystem system = RunningSystem.shared();
        return parameter.getParameter().getType() == Api.class ? system.api() : system;
    }

    private static final class ShutDown implements AutoCloseable {

        @Override
        public void close() {
            RunningSystem.closeShared();
        }
    }
}
