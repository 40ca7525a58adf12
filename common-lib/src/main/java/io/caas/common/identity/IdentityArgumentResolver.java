package io.caas.common.identity;

import io.caas.common.error.CaasException;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take an {@link Identity} parameter; a call without identity is
 * a 401.
 */
public class IdentityArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Identity.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		String user = webRequest.getHeader(IdentityHeaders.USER);
		if (user == null || user.isBlank()) {
			throw CaasException.unauthorized("Authentication required");
		}
		return Identity.fromHeaders(user, webRequest.getHeader(IdentityHeaders.ROLES));
	}

}
