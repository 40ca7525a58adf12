package io.caas.users.user;

import java.util.Set;

import io.caas.common.naming.Ids;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin sends to create a user.
 *
 * @param username lowercase letters and digits, 1-32, no '-' (the student id rule)
 * @param password initial password, 8-72 characters
 * @param roles lowercase role names
 * @param displayName optional; the username when absent
 * @param mustChangePassword optional, default true: the password is an initial one that
 * the user must replace at first sign-in
 */
record NewUser(
		@NotNull @Pattern(regexp = Ids.RULE, message = "must be 1-32 lowercase letters or digits") String username,
		@NotNull @Size(min = 8, max = 72) String password,
		@NotEmpty Set<@NotNull @Pattern(regexp = "admin|teacher|student",
				message = "must be admin, teacher or student") String> roles,
		@Size(max = 80) String displayName, Boolean mustChangePassword) {

}
