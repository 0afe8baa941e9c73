package dev.ticketing.auth.user;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> findByEmail(String email) {
        return jdbc.sql("""
                        SELECT id, email, password_hash
                          FROM users
                         WHERE lower(email) = lower(:email)
                        """)
                .param("email", email)
                .query((row, n) -> new User(row.getObject("id", UUID.class), row.getString("email"),
                        row.getString("password_hash")))
                .optional();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the email (in any case) is taken */
    void insert(User user) {
        jdbc.sql("INSERT INTO users (id, email, password_hash) VALUES (:id, :email, :hash)")
                .param("id", user.id())
                .param("email", user.email())
                .param("hash", user.passwordHash())
                .update();
    }
}
