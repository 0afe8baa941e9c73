package dev.ticketing.common.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Creates the service's own PostgreSQL database when it does not exist yet, before the data
 * source and Flyway start, so a fresh machine needs no manual {@code createdb}.
 */
class DatabaseCreator implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCreator.class);
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");
    private static final String DUPLICATE_DATABASE = "42P04";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !environment.getProperty("ticketing.database.create-if-missing", Boolean.class, true)) {
            return;
        }
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            log.info("Not creating a database for {}: not a plain PostgreSQL URL", url);
            return;
        }
        String name = m.group(2);
        String adminUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        String user = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password");
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            if (!exists(c, name)) {
                // the name matched [A-Za-z0-9_]+ above, so quoting it is safe; CREATE DATABASE takes no parameters
                c.createStatement().execute("CREATE DATABASE \"" + name + "\"");
                log.info("Created database {}", name);
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                log.warn("Could not make sure database {} exists ({}); continuing", name, e.getMessage());
            }
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
