package coop.commonscloud;

import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.beans.BeanUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write endpoint of the application (POST, PUT, PATCH, DELETE in the handler mappings) and what it
 * reads: its path variables, its JSON body's type, its form or query fields and its uploads. The fuzz
 * ({@link WriteEndpointFuzzProperties}) makes inputs of those shapes, so that they get past the parser.
 */
record WriteEndpoints(List<Endpoint> all) {

	private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
			RequestMethod.DELETE);

	/** One method and pattern of a handler; {@code body} is the type of its {@code @RequestBody}, or null. */
	record Endpoint(HttpMethod method, String pattern, boolean api, List<String> pathVariables, Type body,
			List<MediaType> consumes, List<Field> fields, List<String> uploads) {

		@Override
		public String toString() {
			return method + " " + pattern;
		}
	}

	/** A form field, query parameter or component of a form's record, with its Java type. */
	record Field(String name, Type type) {
	}

	static WriteEndpoints of(RequestMappingHandlerMapping mappings) {
		List<Endpoint> endpoints = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			for (RequestMethod method : info.getMethodsCondition().getMethods()) {
				if (WRITES.contains(method)) {
					for (String pattern : info.getPatternValues()) {
						endpoints.add(endpoint(HttpMethod.valueOf(method.name()), pattern, info, handler));
					}
				}
			}
		});
		endpoints.sort(Comparator.comparing(Endpoint::toString));
		return new WriteEndpoints(List.copyOf(endpoints));
	}

	private static Endpoint endpoint(HttpMethod method, String pattern, RequestMappingInfo info, HandlerMethod handler) {
		boolean api = AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
				|| handler.hasMethodAnnotation(ResponseBody.class);
		List<String> pathVariables = new ArrayList<>();
		List<Field> fields = new ArrayList<>();
		List<String> uploads = new ArrayList<>();
		Type body = null;
		for (Parameter parameter : handler.getMethod().getParameters()) {
			Class<?> type = parameter.getType();
			RequestParam requestParam = parameter.getAnnotation(RequestParam.class);
			PathVariable pathVariable = parameter.getAnnotation(PathVariable.class);
			if (parameter.isAnnotationPresent(RequestBody.class)) {
				body = parameter.getParameterizedType();
			} else if (pathVariable != null) {
				pathVariables.add(name(pathVariable.value(), pathVariable.name(), parameter));
			} else if (MultipartFile.class.isAssignableFrom(type)) {
				uploads.add(requestParam == null ? parameter.getName() : name(requestParam.value(), requestParam.name(), parameter));
			} else if (requestParam != null) {
				fields.add(new Field(name(requestParam.value(), requestParam.name(), parameter), parameter.getParameterizedType()));
			} else if (type.isRecord() && (parameter.isAnnotationPresent(ModelAttribute.class)
					|| type.getName().startsWith("coop.commonscloud."))) {
				Arrays.stream(type.getRecordComponents())
						.forEach(component -> fields.add(new Field(component.getName(), component.getGenericType())));
			} else if (BeanUtils.isSimpleValueType(type) && type.getName().startsWith("java.lang")) {
				fields.add(new Field(parameter.getName(), type));
			}
		}
		List<MediaType> consumes = List.copyOf(info.getConsumesCondition().getConsumableMediaTypes());
		return new Endpoint(method, pattern, api || pattern.startsWith("/api/"), List.copyOf(pathVariables), body,
				consumes, List.copyOf(fields), List.copyOf(uploads));
	}

	/** The annotation's value or name (aliases, which plain reflection does not merge), else the parameter's own. */
	private static String name(String value, String name, Parameter parameter) {
		return !value.isEmpty() ? value : !name.isEmpty() ? name : parameter.getName();
	}
}
