package coop.commonscloud.payouts.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A SEPA credit transfer initiation, ISO 20022 {@code pain.001.001.09}, written with StAX and checked
 * against the official schema. The schema is the ISO-generated {@code pain.001.001.09.xsd} that the
 * hbci4j-core jar (Maven Central, com.github.hbci4j) carries at the root of its classpath.
 */
final class Pain001 {

	static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
	private static final Schema SCHEMA = loadSchema();

	/** The region's own account, from configuration. */
	record Debtor(String name, String iban, String bic) {
	}

	/** One credit to a provider, in cents of EUR. */
	record Credit(String endToEndId, String holder, String iban, String bic, long cents, String remittance) {
	}

	private Pain001() {
	}

	static String write(String messageId, LocalDateTime createdAt, LocalDate executionDate, Debtor debtor,
			List<Credit> credits) {
		long total = credits.stream().mapToLong(Credit::cents).sum();
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.setDefaultNamespace(NAMESPACE);
			xml.writeStartElement(NAMESPACE, "Document");
			xml.writeDefaultNamespace(NAMESPACE);
			xml.writeStartElement(NAMESPACE, "CstmrCdtTrfInitn");
			xml.writeStartElement(NAMESPACE, "GrpHdr");
			text(xml, "MsgId", messageId);
			text(xml, "CreDtTm", createdAt.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
			text(xml, "NbOfTxs", Integer.toString(credits.size()));
			text(xml, "CtrlSum", euros(total));
			xml.writeStartElement(NAMESPACE, "InitgPty");
			text(xml, "Nm", cut(debtor.name(), 140));
			xml.writeEndElement();
			xml.writeEndElement();

			xml.writeStartElement(NAMESPACE, "PmtInf");
			text(xml, "PmtInfId", messageId);
			text(xml, "PmtMtd", "TRF");
			text(xml, "NbOfTxs", Integer.toString(credits.size()));
			text(xml, "CtrlSum", euros(total));
			xml.writeStartElement(NAMESPACE, "PmtTpInf");
			xml.writeStartElement(NAMESPACE, "SvcLvl");
			text(xml, "Cd", "SEPA");
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeStartElement(NAMESPACE, "ReqdExctnDt");
			text(xml, "Dt", executionDate.toString());
			xml.writeEndElement();
			party(xml, "Dbtr", debtor.name());
			account(xml, "DbtrAcct", debtor.iban());
			agent(xml, "DbtrAgt", debtor.bic());
			text(xml, "ChrgBr", "SLEV");
			for (Credit credit : credits) {
				xml.writeStartElement(NAMESPACE, "CdtTrfTxInf");
				xml.writeStartElement(NAMESPACE, "PmtId");
				text(xml, "EndToEndId", credit.endToEndId());
				xml.writeEndElement();
				xml.writeStartElement(NAMESPACE, "Amt");
				xml.writeStartElement(NAMESPACE, "InstdAmt");
				xml.writeAttribute("Ccy", "EUR");
				xml.writeCharacters(euros(credit.cents()));
				xml.writeEndElement();
				xml.writeEndElement();
				agent(xml, "CdtrAgt", credit.bic());
				party(xml, "Cdtr", credit.holder());
				account(xml, "CdtrAcct", credit.iban());
				xml.writeStartElement(NAMESPACE, "RmtInf");
				text(xml, "Ustrd", cut(credit.remittance(), 140));
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		} catch (XMLStreamException e) {
			throw new IllegalStateException("Could not write a pain.001 document", e);
		}
		return out.toString();
	}

	/** Every way the document breaks the pain.001.001.09 schema; empty when it is valid. */
	static List<String> problems(String document) {
		List<String> problems = new ArrayList<>();
		Validator validator = SCHEMA.newValidator();
		try {
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.setErrorHandler(new ErrorHandler() {
				@Override
				public void warning(SAXParseException e) {
				}

				@Override
				public void error(SAXParseException e) {
					problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
				}

				@Override
				public void fatalError(SAXParseException e) {
					problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
				}
			});
			validator.validate(new StreamSource(new StringReader(document)));
		} catch (SAXException e) {
			if (problems.isEmpty()) {
				problems.add(e.getMessage());
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return problems;
	}

	static String euros(long cents) {
		return BigDecimal.valueOf(cents, 2).toPlainString();
	}

	private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
		xml.writeStartElement(NAMESPACE, element);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	private static void party(XMLStreamWriter xml, String element, String name) throws XMLStreamException {
		xml.writeStartElement(NAMESPACE, element);
		text(xml, "Nm", cut(name, 140));
		xml.writeEndElement();
	}

	private static void account(XMLStreamWriter xml, String element, String iban) throws XMLStreamException {
		wrapped(xml, element, "Id", "IBAN", iban);
	}

	private static void agent(XMLStreamWriter xml, String element, String bic) throws XMLStreamException {
		wrapped(xml, element, "FinInstnId", "BICFI", bic);
	}

	/** {@code <element><wrapper><leaf>value</leaf></wrapper></element>}: how an account's IBAN and an agent's BIC stand. */
	private static void wrapped(XMLStreamWriter xml, String element, String wrapper, String leaf, String value)
			throws XMLStreamException {
		xml.writeStartElement(NAMESPACE, element);
		xml.writeStartElement(NAMESPACE, wrapper);
		text(xml, leaf, value);
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	private static Schema loadSchema() {
		URL xsd = Pain001.class.getResource("/pain.001.001.09.xsd");
		if (xsd == null) {
			throw new IllegalStateException("pain.001.001.09.xsd is missing from the classpath (it comes with hbci4j-core)");
		}
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			return factory.newSchema(xsd);
		} catch (SAXException e) {
			throw new IllegalStateException("pain.001.001.09.xsd does not load", e);
		}
	}
}
