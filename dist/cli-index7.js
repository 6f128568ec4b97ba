import { a1 as getDefaultExportFromCjs } from './cli-main.js';
import require$$0 from 'crypto';
import { r as requireInt64 } from './cli-Int64.js';
import { r as requireLib$2 } from './cli-index5.js';
import require$$1 from 'constants';
import require$$0$2 from 'assert';
import require$$0$1 from 'buffer';

function _mergeNamespaces(n, m) {
	m.forEach(function (e) {
		e && typeof e !== 'string' && !Array.isArray(e) && Object.keys(e).forEach(function (k) {
			if (k !== 'default' && !(k in n)) {
				var d = Object.getOwnPropertyDescriptor(e, k);
				Object.defineProperty(n, k, d.get ? d : {
					enumerable: true,
					get: function () { return e[k]; }
				});
			}
		});
	});
	return Object.freeze(n);
}

var PasswordDigest_1;
var hasRequiredPasswordDigest;

function requirePasswordDigest () {
	if (hasRequiredPasswordDigest) return PasswordDigest_1;
	hasRequiredPasswordDigest = 1;
	const crypto = require$$0;

	class PasswordDigest {
		constructor(password) {
			this.hash = this.getPreKeyedHash(password);
			this.password = password;
		}

		update(buffer) {
			this.hash.update(buffer);
		}

		digest() {
			return this.hash.digest();
		}

		getPreKeyedHash(password) {
			const hash = crypto.createHash('sha1');
			const passwdBytes = Buffer.alloc(password.length * 2);
			for (let i = 0, j = 0; i < password.length; i++) {
				passwdBytes[j++] = password[i].charCodeAt() >> 8;
				passwdBytes[j++] = password[i].charCodeAt();
			}
			hash.update(passwdBytes);
			hash.update(Buffer.from('Mighty Aphrodite'));

			return hash;
		}
	}

	PasswordDigest_1 = PasswordDigest;
	return PasswordDigest_1;
}

/**
 * @param {Buffer} buf 
 * @param {number} start 
 * @param {number} end 
 * @returns {Buffer}
 */

var slice;
var hasRequiredSlice;

function requireSlice () {
	if (hasRequiredSlice) return slice;
	hasRequiredSlice = 1;
	const sliceBuffer = (buf, start, end) => Uint8Array.prototype.slice ? Uint8Array.prototype.slice.call(buf, start, end) : buf.slice(start, end);

	slice = sliceBuffer;
	return slice;
}

var InputStream_1;
var hasRequiredInputStream;

function requireInputStream () {
	if (hasRequiredInputStream) return InputStream_1;
	hasRequiredInputStream = 1;
	const Int64 = requireInt64();
	const sliceBuffer = requireSlice();

	class InputStream {
		constructor(buffer) {
			this.buffer = Buffer.from(buffer);
			this.offset = 0;
		}

		readInt() {
			return this.buffer.readUInt32BE(
				this.shift(4)
			);
		}

		readUTF() {
			const length = this.buffer.readUInt16BE(this.shift(2));

			return this.read(length).toString();
		}

		read(length) {
			return sliceBuffer(
				this.buffer,
				this.offset,
				this.shift(length) + length
			);
		}

		readLong() {
			const value = this.read(8);

			if (typeof value.readBigUInt64BE === 'function') {
				return value.readBigUInt64BE();
			} else {
				const num = new Int64(value);

				return +num.toString();
			}
		}

		readByte() {
			return this.buffer.readUInt8(this.shift(1));
		}

		readShort() {
			return this.read(2).readUInt16BE();
		}

		shift(bytes) {
			const offset = this.offset;
			this.offset += bytes;
			return offset;
		}

		available() {
			return this.buffer.length - this.offset;
		}
	}

	InputStream_1 = InputStream;
	return InputStream_1;
}

var DigestInputStream_1;
var hasRequiredDigestInputStream;

function requireDigestInputStream () {
	if (hasRequiredDigestInputStream) return DigestInputStream_1;
	hasRequiredDigestInputStream = 1;
	const sliceBuffer = requireSlice();
	const InputStream = requireInputStream();

	class DigestInputStream extends InputStream {
		constructor(buffer, digest) {
			super(buffer);
			this.digest = digest;
		}

		readInt() {
			this.updateDigest(4);

			return super.readInt();
		}

		readUTF() {
			this.updateDigest(2);

			return super.readUTF();
		}

		read(length) {
			this.updateDigest(length);

			return super.read(length);
		}

		readLong() {
			return super.readLong();
		}

		readByte() {
			this.updateDigest(1);

			return super.readByte();
		}

		updateDigest(length) {
			this.digest.update(sliceBuffer(
				this.buffer,
				this.offset,
				this.offset + length
			));
		}
	}

	DigestInputStream_1 = DigestInputStream;
	return DigestInputStream_1;
}

var Certificate_1;
var hasRequiredCertificate;

function requireCertificate () {
	if (hasRequiredCertificate) return Certificate_1;
	hasRequiredCertificate = 1;
	class Certificate {
		constructor({ certType, value }) {
			this.certType = certType;
			this.value = value;
		}
	}

	Certificate_1 = Certificate;
	return Certificate_1;
}

var KeyEntry_1;
var hasRequiredKeyEntry;

function requireKeyEntry () {
	if (hasRequiredKeyEntry) return KeyEntry_1;
	hasRequiredKeyEntry = 1;
	class KeyEntry {
		constructor({
			alias,
			date,
			chain,
			protectedPrivateKey
		}) {
			this.certType = 'X.509';
			this.alias = alias;
			this.date = date;
			this.chain = chain;
			this.protectedPrivateKey = protectedPrivateKey;
		}
	}

	KeyEntry_1 = KeyEntry;
	return KeyEntry_1;
}

var TrustedKeyEntry_1;
var hasRequiredTrustedKeyEntry;

function requireTrustedKeyEntry () {
	if (hasRequiredTrustedKeyEntry) return TrustedKeyEntry_1;
	hasRequiredTrustedKeyEntry = 1;
	class TrustedKeyEntry {
		constructor({ alias, date, cert }) {
			this.certType = 'X.509';
			this.alias = alias;
			this.date = date;
			this.cert = cert;
		}
	}

	TrustedKeyEntry_1 = TrustedKeyEntry;
	return TrustedKeyEntry_1;
}

var JavaKeyStoreParser_1;
var hasRequiredJavaKeyStoreParser;

function requireJavaKeyStoreParser () {
	if (hasRequiredJavaKeyStoreParser) return JavaKeyStoreParser_1;
	hasRequiredJavaKeyStoreParser = 1;
	const PasswordDigest = requirePasswordDigest();
	const DigestInputStream = requireDigestInputStream();
	const InputStream = requireInputStream();
	const Certificate = requireCertificate();
	const KeyEntry = requireKeyEntry();
	const TrustedKeyEntry = requireTrustedKeyEntry();
	const sliceBuffer = requireSlice();

	/*
	 * KEYSTORE FORMAT:
	 *
	 * Magic number (big-endian integer),
	 * Version of this file format (big-endian integer),
	 *
	 * Count (big-endian integer),
	 * followed by "count" instances of either:
	 *
	 *     {
	 *      tag=1 (big-endian integer),
	 *      alias (UTF string)
	 *      timestamp
	 *      encrypted private-key info according to PKCS #8
	 *          (integer length followed by encoding)
	 *      cert chain (integer count, then certs; for each cert,
	 *          integer length followed by encoding)
	 *     }
	 *
	 * or:
	 *
	 *     {
	 *      tag=2 (big-endian integer)
	 *      alias (UTF string)
	 *      timestamp
	 *      cert (integer length followed by encoding)
	 *     }
	 *
	 * ended by a keyed SHA1 hash (bytes only) of
	 *     { password + whitener + preceding body }
	 */

	class JavaKeyStoreParser {
		constructor(keystore, password) {
			this.keystore = keystore;
			this.password = password;

			if (password) {
				this.messageDigest = new PasswordDigest(password); 
				this.dataInputStream = new DigestInputStream(keystore, this.messageDigest);
			} else {
				this.dataInputStream = new InputStream(keystore);
			}
		}

		assertMagic(xMagic) {
			if (xMagic !== JavaKeyStoreParser.MAGIC) {
				throw new Error('Invalid keystore format');
			}
		}

		assertVersion(xVersion) {
			if (
				xVersion !== JavaKeyStoreParser.VERSION_1
				&&
				xVersion !== JavaKeyStoreParser.VERSION_2
			) {
				throw new Error('Invalid keystore format');
			}
		}

		parse() {
			const xMagic = this.dataInputStream.readInt();
			const xVersion = this.dataInputStream.readInt();

			this.assertMagic(xMagic);
			this.assertVersion(xVersion);

			const count = this.dataInputStream.readInt();
			const certs = [];

			for (let i = 0; i < count; i++) {
				const tag = this.dataInputStream.readInt();
				const alias = this.dataInputStream.readUTF();
				const date = new Date(+this.dataInputStream.readLong().toString());

				if (tag === JavaKeyStoreParser.PRIVATE_KEY_TAG) {
					const protectedPrivateKey = this.getPrivateKeyEntry();
					const chain = this.readCertificateChain(xVersion);
					const entry = new KeyEntry({
						alias,
						date,
						chain,
						protectedPrivateKey
					});
					
					certs.push(entry);
				} else if (tag === JavaKeyStoreParser.TRUSTED_CERT_TAG) {
					const cert = this.readCert(xVersion);
					const entry = new TrustedKeyEntry({
						alias,
						date,
						cert
					});

					certs.push(entry);
				} else {
					throw new Error('Unrecognized keystore entry');
				}
			}

			this.validateChecksum();	

			return certs;
		}

		validateChecksum() {
			if (!this.password) {
				return;
			}

			const computed = this.messageDigest.digest();
			const actual = sliceBuffer(
				this.dataInputStream.buffer,
				this.dataInputStream.offset,
				this.dataInputStream.offset + computed.length
			);
			const isChecksumCorrect = computed.every((byte, i) => actual[i] === byte);

			if (!isChecksumCorrect) {
				throw new Error('Password verification failed');
			}
		}

		getPrivateKeyEntry() {
			const protectedPrivateKey = this.dataInputStream.read(
				this.dataInputStream.readInt()
			);

			return protectedPrivateKey;
		}

		readCert(xVersion) {
			let certType = 'X.509';

			if (xVersion === JavaKeyStoreParser.VERSION_2) {
				certType = this.dataInputStream.readUTF();
			}

			const value = this.dataInputStream.read(
				this.dataInputStream.readInt()
			);

			return new Certificate({ certType, value });
		}

		readCertificateChain(xVersion) {
			const numOfCerts = this.dataInputStream.readInt();
			const chain = [];

			for (let i = 0; i < numOfCerts; i++) {
				chain.push(this.readCert(xVersion));
			}
		
			return chain;
		}
	}

	JavaKeyStoreParser.MAGIC = 0xfeedfeed;
	JavaKeyStoreParser.VERSION_1 = 0x01;
	JavaKeyStoreParser.VERSION_2 = 0x02;
	JavaKeyStoreParser.PRIVATE_KEY_TAG = 1;
	JavaKeyStoreParser.TRUSTED_CERT_TAG = 2;

	JavaKeyStoreParser_1 = JavaKeyStoreParser;
	return JavaKeyStoreParser_1;
}

var PKCS12Parser_1;
var hasRequiredPKCS12Parser;

function requirePKCS12Parser () {
	if (hasRequiredPKCS12Parser) return PKCS12Parser_1;
	hasRequiredPKCS12Parser = 1;
	const InputStream = requireInputStream();
	const forge = requireLib$2();

	/*
	* PKCS12 permitted first 24 bytes:
	*
	* 30 82 -- -- 02 01 03 30 82 -- -- 06 09 2A 86 48 86 F7 0D 01 07 01 A0 8-
	* 30 -- 02 01 03 30 -- 06 09 2A 86 48 86 F7 0D 01 07 01 A0 -- 04 -- -- --
	* 30 81 -- 02 01 03 30 81 -- 06 09 2A 86 48 86 F7 0D 01 07 01 A0 81 -- 04
	* 30 82 -- -- 02 01 03 30 81 -- 06 09 2A 86 48 86 F7 0D 01 07 01 A0 81 --
	* 30 83 -- -- -- 02 01 03 30 82 -- -- 06 09 2A 86 48 86 F7 0D 01 07 01 A0
	* 30 83 -- -- -- 02 01 03 30 83 -- -- -- 06 09 2A 86 48 86 F7 0D 01 07 01
	* 30 84 -- -- -- -- 02 01 03 30 83 -- -- -- 06 09 2A 86 48 86 F7 0D 01 07
	* 30 84 -- -- -- -- 02 01 03 30 84 -- -- -- -- 06 09 2A 86 48 86 F7 0D 01
	*/
	const PKCS12_HEADER_PATTERNS = [
		[ 0x30820000, 0x02010330, 0x82000006, 0x092A8648, 0x86F70D01, 0x0701A080 ],
		[ 0x30000201, 0x03300006, 0x092A8648, 0x86F70D01, 0x0701A000, 0x04000000 ],
		[ 0x30810002, 0x01033081, 0x0006092A, 0x864886F7, 0x0D010701, 0xA0810004 ],
		[ 0x30820000, 0x02010330, 0x81000609, 0x2A864886, 0xF70D0107, 0x01A08100 ],
		[ 0x30830000, 0x00020103, 0x30820000, 0x06092A86, 0x4886F70D, 0x010701A0 ],
		[ 0x30830000, 0x00020103, 0x30830000, 0x0006092A, 0x864886F7, 0x0D010701 ],
		[ 0x30840000, 0x00000201, 0x03308300, 0x00000609, 0x2A864886, 0xF70D0107 ],
		[ 0x30840000, 0x00000201, 0x03308400, 0x00000006, 0x092A8648, 0x86F70D01 ]
	];

	const PKCS12_HEADER_MASKS = [
		[ 0xFFFF0000, 0xFFFFFFFF, 0xFF0000FF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFF0 ],
		[ 0xFF00FFFF, 0xFFFF00FF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFF00, 0xFF000000 ],
		[ 0xFFFF00FF, 0xFFFFFFFF, 0x00FFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFF00FF ],
		[ 0xFFFF0000, 0xFFFFFFFF, 0xFF00FFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFF00 ],
		[ 0xFFFF0000, 0x00FFFFFF, 0xFFFF0000, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF ],
		[ 0xFFFF0000, 0x00FFFFFF, 0xFFFF0000, 0x00FFFFFF, 0xFFFFFFFF, 0xFFFFFFFF ],
		[ 0xFFFF0000, 0x0000FFFF, 0xFFFFFF00, 0x0000FFFF, 0xFFFFFFFF, 0xFFFFFFFF ],
		[ 0xFFFF0000, 0x0000FFFF, 0xFFFFFF00, 0x000000FF, 0xFFFFFFFF, 0xFFFFFFFF ]
	];

	class PKCS12Parser {
		constructor(keystore, password) {
			this.keystore = keystore;
			this.password = password;
		}
		
		/**
		 * @src https://github.com/openjdk/jdk/blob/8554fe6ebce7811a0c3b4670a89e3c07d577d966/src/java.base/share/classes/sun/security/pkcs12/PKCS12KeyStore.java#L2597
		 */
		static probe(keyStoreData) {
			const stream = new InputStream(keyStoreData);
			const first24Bytes = stream.read(24);

			for (let i = 0; i < PKCS12_HEADER_PATTERNS.length; i++) {
				const s = new InputStream(first24Bytes);
				const pattern = PKCS12_HEADER_PATTERNS[i];
				const mask = PKCS12_HEADER_MASKS[i];
				const result = mask.map(m => (s.readInt() & m) >>> 0).every((b, i) => b === pattern[i]);

				if (result) {
					return true;
				}
			}

			return false;
		}

		parse() {
			const p12Buffer = this.keystore.toString("base64");
			const p12Der = forge.util.decode64(p12Buffer);
			const p12Asn1 = forge.asn1.fromDer(p12Der);
			const p12 = forge.pkcs12.pkcs12FromAsn1(p12Asn1, this.password || "");

			return p12.safeContents.reduce((result, item) => {
				if (!Array.isArray(item.safeBags)) {
					return result;
				}

				return result.concat(item.safeBags);
			}, []);
		}

		toPem(bags) {
			return bags.reduce((result, bag) => {
				const alias = bag.attributes.friendlyName[0];
				const hasLocalKeyId = Boolean(bag.attributes.localKeyId);
				let entries = result[alias] || {};

				if (bag.type === forge.pki.oids.certBag) {
					const certKey = hasLocalKeyId ? 'cert' : 'ca';
					
					if (bag.cert) {
						entries = {
							...entries,
							[certKey]: forge.pki.certificateToPem(bag.cert).replace(/\r\n/g, '\n')
						};
					} else if (bag.asn1) {
						entries = {
							...entries,
							[certKey]: derToPem(bag.asn1, 'CERTIFICATE').replace(/\r\n/g, '\n')
						};
					}
				}

				if (bag.key) {
					entries = {
						...entries,
						key: privateKeyToPem(bag.key).replace(/\r\n/g, '\n')
					};
				} else if (bag.asn1 && bag.hasOwnProperty('key')) {
					entries = {
						...entries,
						key: derToPem(bag.asn1, 'PRIVATE KEY').replace(/\r\n/g, '\n')
					};
				}

				return {
					...result,
					[alias]: entries,
				};
			}, {});
		}
	}

	const privateKeyToPem = (key, maxLine) => {
		return forge.pki.privateKeyInfoToPem(
			forge.pki.wrapRsaPrivateKey(
				forge.pki.privateKeyToAsn1(key)
			)
		);
	};

	const derToPem = (pki, type) => {
		const msg = {
			type,
			body: forge.asn1.toDer(pki).getBytes()
		};

		return forge.pem.encode(msg);
	};

	PKCS12Parser_1 = PKCS12Parser;
	return PKCS12Parser_1;
}

var DerValue_1;
var hasRequiredDerValue;

function requireDerValue () {
	if (hasRequiredDerValue) return DerValue_1;
	hasRequiredDerValue = 1;
	const InputStream = requireInputStream();
	const sliceBuffer = requireSlice();

	class DerValue {
		constructor(inputStream) {
			this.tag = null;
			this.length = 0;
			this.data = null;
			this.buffer = null;

			this.buffer = sliceBuffer(inputStream.buffer, inputStream.offset);
			this.init(inputStream);
		}

		init(inputStream) {
			this.tag = inputStream.readByte();
			const lenByte = inputStream.buffer.readUInt8(inputStream.offset);
			this.length = DerValue.getLength(inputStream);

			if (this.length === -1) {
				const readLen = inputStream.available();
				let offset = 2;
				const indefData = new OutputStream(Buffer.alloc(readLen + offset));
				indefData.write(this.tag);
				indefData.write(lenByte);
				indefData.write(inputStream.read(readLen));

				throw new Error('Length is not defined. The DerIndefLenConverter.convert() has not been implemented yet');
			}

			this.data = new InputStream(inputStream.read(this.length));
		}

		/** Returns true if the CONSTRUCTED bit is set in the type tag. */
	    isConstructed(constructedTag) {
			const constructed = ((this.tag & 0x020) == 0x020);

			if (!constructed) {
				return false;
			}

			if (constructedTag) {
				return ((tag & 0x01f) == constructedTag);
	        } else {
				return true;
			}
		}

		static getLength(inputStream) {
			let len = inputStream.readByte();

			if ((len & 0x080) === 0x00) {
				return len;
			}

			let tmp = len & 0x07f;

			/*
			 * NOTE:  tmp == 0 indicates indefinite length encoded data.
			 * tmp > 4 indicates more than 4Gb of data.
			 */
			if (tmp === 0) {
				return -1;
			}

			if (tmp < 0) {
				throw new Error('Incorrect DER encodding');
			} else if (tmp > 4) {
				throw new Error('DER length too big');
			}
			
			let value;

			for (value = 0; tmp > 0; tmp--) {
				value <<= 8;
				value += 0x0ff & inputStream.readByte();
			}

			if (value < 0) {
				throw new Error('Invalid length byte');
			}

			return value;
		}

		getBigInteger() {
			const inputStream = this.data;

			if (inputStream.readByte() != DerValue.tag_Integer) {
	            throw new Error("DER input, Integer tag error");
			}
			const length = DerValue.getLength(inputStream);

			if (length <= 1) {
				return inputStream.readByte();
			} else if (length === 2) {
				return inputStream.readShort();
			} else if (length <= 4) {
				return inputStream.readInt();
			} else {
				return inputStream.readLong();
			}
		}

		getOctetString() {
			if (this.tag !== DerValue.tag_OctetString && !this.isConstructed(DerValue.tag_OctetString)) {
				throw new Error('DerValue.getOctetString, not an Octet String: ' + derValue.tag);
			}

			const stream = new InputStream(this.buffer);

			let bytes = Buffer.from([]);

			while (stream.available()) {
				const tag = stream.readByte();

				if (tag !== DerValue.tag_OctetString) {
					throw new Error('DER input not an octet string: ' + tag);
				}

				const length = DerValue.getLength(stream);
				const data = stream.read(length);

				bytes = Buffer.concat([ bytes, data ]);
			}

			return bytes;
		}

		getDerValue() {
			return new DerValue(this.data);
		}
	}

	/** Tag value indicating an ASN.1 "OBJECT IDENTIFIER" value. */
	DerValue.tag_ObjectId = 0x06;

	/**
	 * Tag value indicating an ASN.1
	 * "SEQUENCE" (zero to N elements, order is significant).
	 */
	DerValue.tag_Sequence = 0x30;

	/** Tag value indicating an ASN.1 "OCTET STRING" value. */
	DerValue.tag_OctetString = 0x04;

	/** Tag value indicating an ASN.1 "INTEGER" value. */
	DerValue.tag_Integer = 0x02;

	DerValue_1 = DerValue;
	return DerValue_1;
}

var ObjectIdentifier_1;
var hasRequiredObjectIdentifier;

function requireObjectIdentifier () {
	if (hasRequiredObjectIdentifier) return ObjectIdentifier_1;
	hasRequiredObjectIdentifier = 1;
	const DerValue = requireDerValue();

	class ObjectIdentifier {
		constructor(inputStream) {
			const typeId = inputStream.readByte();

			if (typeId !== DerValue.tag_ObjectId) {
				throw new Error('data isn\'t an object ID ( tag = ' + typeId + ')');
			}

			const length = DerValue.getLength(inputStream);

			this.encoding = inputStream.read(length);
		}

		toString() {
			const length = this.encoding.length;
			let sb = '';
			let fromPos = 0;

			for (let i = 0; i < length; i++) {
				if ((this.encoding[i] & 0x80) === 0) {
					if (fromPos !== 0) {
						sb += '.';
					}
					let retVal = 0;
					for (let j = fromPos; j <= i; j++) {
						retVal <<= 7;
						const tmp = this.encoding[j];
						retVal |= (tmp & 0x07f);
					}
					if (fromPos === 0) {
						if (retVal < 80) {
							sb += Math.floor(retVal / 40);
							sb += '.';
							sb += retVal % 40;
						} else {
							sb += '2.';
							sb += retVal - 80;
						}
					} else {
						sb += retVal;
					}
					fromPos = i + 1;
				}
			}
			return sb;
		}
	}

	ObjectIdentifier_1 = ObjectIdentifier;
	return ObjectIdentifier_1;
}

var EncryptedPrivateKeyInfo_1;
var hasRequiredEncryptedPrivateKeyInfo;

function requireEncryptedPrivateKeyInfo () {
	if (hasRequiredEncryptedPrivateKeyInfo) return EncryptedPrivateKeyInfo_1;
	hasRequiredEncryptedPrivateKeyInfo = 1;
	const InputStream = requireInputStream();
	const ObjectIdentifier = requireObjectIdentifier();
	const DerValue = requireDerValue();

	/**
	 * EncryptedPrivateKeyInfo ::= SEQUENCE {
	 * 		encryptionAlgorithm  EncryptionAlgorithmIdentifier,
	 * 		encryptedData        EncryptedData
	 * }
	 */
	class EncryptedPrivateKeyInfo {
		constructor(encoded) {
			const derValue = new DerValue(new InputStream(encoded));
			const seq0 = new DerValue(derValue.data);
			const seq1 = new DerValue(derValue.data);
			this.alghorithmId = this.createAlghorithmId(seq0);
			this.octetString = seq1.getOctetString();
		}

		createAlghorithmId(derValue) {
			const oid = new ObjectIdentifier(derValue.data);

			return oid.toString();
		}

		getAlgorithm() {
			return this.alghorithmId;
		}

		getEncryptedData() {
			return this.octetString;
		}
	}

	EncryptedPrivateKeyInfo_1 = EncryptedPrivateKeyInfo;
	return EncryptedPrivateKeyInfo_1;
}

var rsa = {};

var utils = {};

/*
 * Utils functions
 *
 */

var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;

	/**
	 * Break string str each maxLen symbols
	 * @param str
	 * @param maxLen
	 * @returns {string}
	 */
	utils.linebrk = function (str, maxLen) {
	    var res = '';
	    var i = 0;
	    while (i + maxLen < str.length) {
	        res += str.substring(i, i + maxLen) + "\n";
	        i += maxLen;
	    }
	    return res + str.substring(i, str.length);
	};

	utils.detectEnvironment = function () {
	    if (typeof(window) !== 'undefined' && window && !(process && process.title === 'node')) {
	        return 'browser';
	    }

	    return 'node';
	};

	/**
	 * Trying get a 32-bit unsigned integer from the partial buffer
	 * @param buffer
	 * @param offset
	 * @returns {Number}
	 */
	utils.get32IntFromBuffer = function (buffer, offset) {
	    offset = offset || 0;
	    var size = 0;
	    if ((size = buffer.length - offset) > 0) {
	        if (size >= 4) {
	            return buffer.readUIntBE(offset, size);
	        } else {
	            var res = 0;
	            for (var i = offset + size, d = 0; i > offset; i--, d += 2) {
	                res += buffer[i - 1] * Math.pow(16, d);
	            }
	            return res;
	        }
	    } else {
	        return NaN;
	    }
	};

	utils._ = {
	    isObject: function (value) {
	        var type = typeof value;
	        return !!value && (type == 'object' || type == 'function');
	    },

	    isString: function (value) {
	        return typeof value == 'string' || value instanceof String;
	    },

	    isNumber: function (value) {
	        return typeof value == 'number' || !isNaN(parseFloat(value)) && isFinite(value);
	    },

	    /**
	     * Returns copy of `obj` without `removeProp` field.
	     * @param obj
	     * @param removeProp
	     * @returns Object
	     */
	    omit: function (obj, removeProp) {
	        var newObj = {};
	        for (var prop in obj) {
	            if (!obj.hasOwnProperty(prop) || prop === removeProp) {
	                continue;
	            }
	            newObj[prop] = obj[prop];
	        }

	        return newObj;
	    }
	};

	/**
	 * Strips everything around the opening and closing lines, including the lines
	 * themselves.
	 */
	utils.trimSurroundingText = function (data, opening, closing) {
	    var trimStartIndex = 0;
	    var trimEndIndex = data.length;

	    var openingBoundaryIndex = data.indexOf(opening);
	    if (openingBoundaryIndex >= 0) {
	        trimStartIndex = openingBoundaryIndex + opening.length;
	    }

	    var closingBoundaryIndex = data.indexOf(closing, openingBoundaryIndex);
	    if (closingBoundaryIndex >= 0) {
	        trimEndIndex = closingBoundaryIndex;
	    }

	    return data.substring(trimStartIndex, trimEndIndex);
	};
	return utils;
}

/*
 * Basic JavaScript BN library - subset useful for RSA encryption.
 * 
 * Copyright (c) 2003-2005  Tom Wu
 * All Rights Reserved.
 *
 * Permission is hereby granted, free of charge, to any person obtaining
 * a copy of this software and associated documentation files (the
 * "Software"), to deal in the Software without restriction, including
 * without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to
 * permit persons to whom the Software is furnished to do so, subject to
 * the following conditions:
 *
 * The above copyright notice and this permission notice shall be
 * included in all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS-IS" AND WITHOUT WARRANTY OF ANY KIND, 
 * EXPRESS, IMPLIED OR OTHERWISE, INCLUDING WITHOUT LIMITATION, ANY 
 * WARRANTY OF MERCHANTABILITY OR FITNESS FOR A PARTICULAR PURPOSE.  
 *
 * IN NO EVENT SHALL TOM WU BE LIABLE FOR ANY SPECIAL, INCIDENTAL,
 * INDIRECT OR CONSEQUENTIAL DAMAGES OF ANY KIND, OR ANY DAMAGES WHATSOEVER
 * RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER OR NOT ADVISED OF
 * THE POSSIBILITY OF DAMAGE, AND ON ANY THEORY OF LIABILITY, ARISING OUT
 * OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 *
 * In addition, the following condition applies:
 *
 * All redistributions must retain an intact copy of this copyright notice
 * and disclaimer.
 */

var jsbn;
var hasRequiredJsbn;

function requireJsbn () {
	if (hasRequiredJsbn) return jsbn;
	hasRequiredJsbn = 1;
	/*
	 * Added Node.js Buffers support
	 * 2014 rzcoder
	 */

	var crypt = require$$0;
	var _ = requireUtils()._;

	// Bits per digit
	var dbits;

	// (public) Constructor
	function BigInteger(a, b) {
	    if (a != null) {
	        if ("number" == typeof a) {
	            this.fromNumber(a, b);
	        } else if (Buffer.isBuffer(a)) {
	            this.fromBuffer(a);
	        } else if (b == null && "string" != typeof a) {
	            this.fromByteArray(a);
	        } else {
	            this.fromString(a, b);
	        }
	    }
	}

	// return new, unset BigInteger
	function nbi() {
	    return new BigInteger(null);
	}
	// Alternately, set max digit bits to 28 since some
	// browsers slow down when dealing with 32-bit numbers.
	function am3(i, x, w, j, c, n) {
	    var xl = x & 0x3fff, xh = x >> 14;
	    while (--n >= 0) {
	        var l = this[i] & 0x3fff;
	        var h = this[i++] >> 14;
	        var m = xh * l + h * xl;
	        l = xl * l + ((m & 0x3fff) << 14) + w[j] + c;
	        c = (l >> 28) + (m >> 14) + xh * h;
	        w[j++] = l & 0xfffffff;
	    }
	    return c;
	}

	// We need to select the fastest one that works in this environment. 
	//if (j_lm && (navigator.appName == "Microsoft Internet Explorer")) {
	//	BigInteger.prototype.am = am2;
	//	dbits = 30;
	//} else if (j_lm && (navigator.appName != "Netscape")) {
	//	BigInteger.prototype.am = am1;
	//	dbits = 26;
	//} else { // Mozilla/Netscape seems to prefer am3
	//	BigInteger.prototype.am = am3;
	//	dbits = 28;
	//}

	// For node.js, we pick am3 with max dbits to 28.
	BigInteger.prototype.am = am3;
	dbits = 28;

	BigInteger.prototype.DB = dbits;
	BigInteger.prototype.DM = ((1 << dbits) - 1);
	BigInteger.prototype.DV = (1 << dbits);

	var BI_FP = 52;
	BigInteger.prototype.FV = Math.pow(2, BI_FP);
	BigInteger.prototype.F1 = BI_FP - dbits;
	BigInteger.prototype.F2 = 2 * dbits - BI_FP;

	// Digit conversions
	var BI_RM = "0123456789abcdefghijklmnopqrstuvwxyz";
	var BI_RC = new Array();
	var rr, vv;
	rr = "0".charCodeAt(0);
	for (vv = 0; vv <= 9; ++vv) BI_RC[rr++] = vv;
	rr = "a".charCodeAt(0);
	for (vv = 10; vv < 36; ++vv) BI_RC[rr++] = vv;
	rr = "A".charCodeAt(0);
	for (vv = 10; vv < 36; ++vv) BI_RC[rr++] = vv;

	function int2char(n) {
	    return BI_RM.charAt(n);
	}
	function intAt(s, i) {
	    var c = BI_RC[s.charCodeAt(i)];
	    return (c == null) ? -1 : c;
	}

	// (protected) copy this to r
	function bnpCopyTo(r) {
	    for (var i = this.t - 1; i >= 0; --i) r[i] = this[i];
	    r.t = this.t;
	    r.s = this.s;
	}

	// (protected) set from integer value x, -DV <= x < DV
	function bnpFromInt(x) {
	    this.t = 1;
	    this.s = (x < 0) ? -1 : 0;
	    if (x > 0) this[0] = x;
	    else if (x < -1) this[0] = x + DV;
	    else this.t = 0;
	}

	// return bigint initialized to value
	function nbv(i) {
	    var r = nbi();
	    r.fromInt(i);
	    return r;
	}

	// (protected) set from string and radix
	function bnpFromString(data, radix, unsigned) {
	    var k;
	    switch (radix) {
	        case 2:
	            k = 1;
	            break;
	        case 4:
	            k = 2;
	            break;
	        case 8:
	            k = 3;
	            break;
	        case 16:
	            k = 4;
	            break;
	        case 32:
	            k = 5;
	            break;
	        case 256:
	            k = 8;
	            break;
	        default:
	            this.fromRadix(data, radix);
	            return;
	    }

	    this.t = 0;
	    this.s = 0;

	    var i = data.length;
	    var mi = false;
	    var sh = 0;

	    while (--i >= 0) {
	        var x = (k == 8) ? data[i] & 0xff : intAt(data, i);
	        if (x < 0) {
	            if (data.charAt(i) == "-") mi = true;
	            continue;
	        }
	        mi = false;
	        if (sh === 0)
	            this[this.t++] = x;
	        else if (sh + k > this.DB) {
	            this[this.t - 1] |= (x & ((1 << (this.DB - sh)) - 1)) << sh;
	            this[this.t++] = (x >> (this.DB - sh));
	        }
	        else
	            this[this.t - 1] |= x << sh;
	        sh += k;
	        if (sh >= this.DB) sh -= this.DB;
	    }
	    if ((!unsigned) && k == 8 && (data[0] & 0x80) != 0) {
	        this.s = -1;
	        if (sh > 0) this[this.t - 1] |= ((1 << (this.DB - sh)) - 1) << sh;
	    }
	    this.clamp();
	    if (mi) BigInteger.ZERO.subTo(this, this);
	}

	function bnpFromByteArray(a, unsigned) {
	    this.fromString(a, 256, unsigned);
	}

	function bnpFromBuffer(a) {
	    this.fromString(a, 256, true);
	}

	// (protected) clamp off excess high words
	function bnpClamp() {
	    var c = this.s & this.DM;
	    while (this.t > 0 && this[this.t - 1] == c) --this.t;
	}

	// (public) return string representation in given radix
	function bnToString(b) {
	    if (this.s < 0) return "-" + this.negate().toString(b);
	    var k;
	    if (b == 16) k = 4;
	    else if (b == 8) k = 3;
	    else if (b == 2) k = 1;
	    else if (b == 32) k = 5;
	    else if (b == 4) k = 2;
	    else return this.toRadix(b);
	    var km = (1 << k) - 1, d, m = false, r = "", i = this.t;
	    var p = this.DB - (i * this.DB) % k;
	    if (i-- > 0) {
	        if (p < this.DB && (d = this[i] >> p) > 0) {
	            m = true;
	            r = int2char(d);
	        }
	        while (i >= 0) {
	            if (p < k) {
	                d = (this[i] & ((1 << p) - 1)) << (k - p);
	                d |= this[--i] >> (p += this.DB - k);
	            }
	            else {
	                d = (this[i] >> (p -= k)) & km;
	                if (p <= 0) {
	                    p += this.DB;
	                    --i;
	                }
	            }
	            if (d > 0) m = true;
	            if (m) r += int2char(d);
	        }
	    }
	    return m ? r : "0";
	}

	// (public) -this
	function bnNegate() {
	    var r = nbi();
	    BigInteger.ZERO.subTo(this, r);
	    return r;
	}

	// (public) |this|
	function bnAbs() {
	    return (this.s < 0) ? this.negate() : this;
	}

	// (public) return + if this > a, - if this < a, 0 if equal
	function bnCompareTo(a) {
	    var r = this.s - a.s;
	    if (r != 0) return r;
	    var i = this.t;
	    r = i - a.t;
	    if (r != 0) return (this.s < 0) ? -r : r;
	    while (--i >= 0) if ((r = this[i] - a[i]) != 0) return r;
	    return 0;
	}

	// returns bit length of the integer x
	function nbits(x) {
	    var r = 1, t;
	    if ((t = x >>> 16) != 0) {
	        x = t;
	        r += 16;
	    }
	    if ((t = x >> 8) != 0) {
	        x = t;
	        r += 8;
	    }
	    if ((t = x >> 4) != 0) {
	        x = t;
	        r += 4;
	    }
	    if ((t = x >> 2) != 0) {
	        x = t;
	        r += 2;
	    }
	    if ((t = x >> 1) != 0) {
	        x = t;
	        r += 1;
	    }
	    return r;
	}

	// (public) return the number of bits in "this"
	function bnBitLength() {
	    if (this.t <= 0) return 0;
	    return this.DB * (this.t - 1) + nbits(this[this.t - 1] ^ (this.s & this.DM));
	}

	// (protected) r = this << n*DB
	function bnpDLShiftTo(n, r) {
	    var i;
	    for (i = this.t - 1; i >= 0; --i) r[i + n] = this[i];
	    for (i = n - 1; i >= 0; --i) r[i] = 0;
	    r.t = this.t + n;
	    r.s = this.s;
	}

	// (protected) r = this >> n*DB
	function bnpDRShiftTo(n, r) {
	    for (var i = n; i < this.t; ++i) r[i - n] = this[i];
	    r.t = Math.max(this.t - n, 0);
	    r.s = this.s;
	}

	// (protected) r = this << n
	function bnpLShiftTo(n, r) {
	    var bs = n % this.DB;
	    var cbs = this.DB - bs;
	    var bm = (1 << cbs) - 1;
	    var ds = Math.floor(n / this.DB), c = (this.s << bs) & this.DM, i;
	    for (i = this.t - 1; i >= 0; --i) {
	        r[i + ds + 1] = (this[i] >> cbs) | c;
	        c = (this[i] & bm) << bs;
	    }
	    for (i = ds - 1; i >= 0; --i) r[i] = 0;
	    r[ds] = c;
	    r.t = this.t + ds + 1;
	    r.s = this.s;
	    r.clamp();
	}

	// (protected) r = this >> n
	function bnpRShiftTo(n, r) {
	    r.s = this.s;
	    var ds = Math.floor(n / this.DB);
	    if (ds >= this.t) {
	        r.t = 0;
	        return;
	    }
	    var bs = n % this.DB;
	    var cbs = this.DB - bs;
	    var bm = (1 << bs) - 1;
	    r[0] = this[ds] >> bs;
	    for (var i = ds + 1; i < this.t; ++i) {
	        r[i - ds - 1] |= (this[i] & bm) << cbs;
	        r[i - ds] = this[i] >> bs;
	    }
	    if (bs > 0) r[this.t - ds - 1] |= (this.s & bm) << cbs;
	    r.t = this.t - ds;
	    r.clamp();
	}

	// (protected) r = this - a
	function bnpSubTo(a, r) {
	    var i = 0, c = 0, m = Math.min(a.t, this.t);
	    while (i < m) {
	        c += this[i] - a[i];
	        r[i++] = c & this.DM;
	        c >>= this.DB;
	    }
	    if (a.t < this.t) {
	        c -= a.s;
	        while (i < this.t) {
	            c += this[i];
	            r[i++] = c & this.DM;
	            c >>= this.DB;
	        }
	        c += this.s;
	    }
	    else {
	        c += this.s;
	        while (i < a.t) {
	            c -= a[i];
	            r[i++] = c & this.DM;
	            c >>= this.DB;
	        }
	        c -= a.s;
	    }
	    r.s = (c < 0) ? -1 : 0;
	    if (c < -1) r[i++] = this.DV + c;
	    else if (c > 0) r[i++] = c;
	    r.t = i;
	    r.clamp();
	}

	// (protected) r = this * a, r != this,a (HAC 14.12)
	// "this" should be the larger one if appropriate.
	function bnpMultiplyTo(a, r) {
	    var x = this.abs(), y = a.abs();
	    var i = x.t;
	    r.t = i + y.t;
	    while (--i >= 0) r[i] = 0;
	    for (i = 0; i < y.t; ++i) r[i + x.t] = x.am(0, y[i], r, i, 0, x.t);
	    r.s = 0;
	    r.clamp();
	    if (this.s != a.s) BigInteger.ZERO.subTo(r, r);
	}

	// (protected) r = this^2, r != this (HAC 14.16)
	function bnpSquareTo(r) {
	    var x = this.abs();
	    var i = r.t = 2 * x.t;
	    while (--i >= 0) r[i] = 0;
	    for (i = 0; i < x.t - 1; ++i) {
	        var c = x.am(i, x[i], r, 2 * i, 0, 1);
	        if ((r[i + x.t] += x.am(i + 1, 2 * x[i], r, 2 * i + 1, c, x.t - i - 1)) >= x.DV) {
	            r[i + x.t] -= x.DV;
	            r[i + x.t + 1] = 1;
	        }
	    }
	    if (r.t > 0) r[r.t - 1] += x.am(i, x[i], r, 2 * i, 0, 1);
	    r.s = 0;
	    r.clamp();
	}

	// (protected) divide this by m, quotient and remainder to q, r (HAC 14.20)
	// r != q, this != m.  q or r may be null.
	function bnpDivRemTo(m, q, r) {
	    var pm = m.abs();
	    if (pm.t <= 0) return;
	    var pt = this.abs();
	    if (pt.t < pm.t) {
	        if (q != null) q.fromInt(0);
	        if (r != null) this.copyTo(r);
	        return;
	    }
	    if (r == null) r = nbi();
	    var y = nbi(), ts = this.s, ms = m.s;
	    var nsh = this.DB - nbits(pm[pm.t - 1]);	// normalize modulus
	    if (nsh > 0) {
	        pm.lShiftTo(nsh, y);
	        pt.lShiftTo(nsh, r);
	    }
	    else {
	        pm.copyTo(y);
	        pt.copyTo(r);
	    }
	    var ys = y.t;
	    var y0 = y[ys - 1];
	    if (y0 === 0) return;
	    var yt = y0 * (1 << this.F1) + ((ys > 1) ? y[ys - 2] >> this.F2 : 0);
	    var d1 = this.FV / yt, d2 = (1 << this.F1) / yt, e = 1 << this.F2;
	    var i = r.t, j = i - ys, t = (q == null) ? nbi() : q;
	    y.dlShiftTo(j, t);
	    if (r.compareTo(t) >= 0) {
	        r[r.t++] = 1;
	        r.subTo(t, r);
	    }
	    BigInteger.ONE.dlShiftTo(ys, t);
	    t.subTo(y, y);	// "negative" y so we can replace sub with am later
	    while (y.t < ys) y[y.t++] = 0;
	    while (--j >= 0) {
	        // Estimate quotient digit
	        var qd = (r[--i] == y0) ? this.DM : Math.floor(r[i] * d1 + (r[i - 1] + e) * d2);
	        if ((r[i] += y.am(0, qd, r, j, 0, ys)) < qd) {	// Try it out
	            y.dlShiftTo(j, t);
	            r.subTo(t, r);
	            while (r[i] < --qd) r.subTo(t, r);
	        }
	    }
	    if (q != null) {
	        r.drShiftTo(ys, q);
	        if (ts != ms) BigInteger.ZERO.subTo(q, q);
	    }
	    r.t = ys;
	    r.clamp();
	    if (nsh > 0) r.rShiftTo(nsh, r);	// Denormalize remainder
	    if (ts < 0) BigInteger.ZERO.subTo(r, r);
	}

	// (public) this mod a
	function bnMod(a) {
	    var r = nbi();
	    this.abs().divRemTo(a, null, r);
	    if (this.s < 0 && r.compareTo(BigInteger.ZERO) > 0) a.subTo(r, r);
	    return r;
	}

	// Modular reduction using "classic" algorithm
	function Classic(m) {
	    this.m = m;
	}
	function cConvert(x) {
	    if (x.s < 0 || x.compareTo(this.m) >= 0) return x.mod(this.m);
	    else return x;
	}
	function cRevert(x) {
	    return x;
	}
	function cReduce(x) {
	    x.divRemTo(this.m, null, x);
	}
	function cMulTo(x, y, r) {
	    x.multiplyTo(y, r);
	    this.reduce(r);
	}
	function cSqrTo(x, r) {
	    x.squareTo(r);
	    this.reduce(r);
	}

	Classic.prototype.convert = cConvert;
	Classic.prototype.revert = cRevert;
	Classic.prototype.reduce = cReduce;
	Classic.prototype.mulTo = cMulTo;
	Classic.prototype.sqrTo = cSqrTo;

	// (protected) return "-1/this % 2^DB"; useful for Mont. reduction
	// justification:
	//         xy == 1 (mod m)
	//         xy =  1+km
	//   xy(2-xy) = (1+km)(1-km)
	// x[y(2-xy)] = 1-k^2m^2
	// x[y(2-xy)] == 1 (mod m^2)
	// if y is 1/x mod m, then y(2-xy) is 1/x mod m^2
	// should reduce x and y(2-xy) by m^2 at each step to keep size bounded.
	// JS multiply "overflows" differently from C/C++, so care is needed here.
	function bnpInvDigit() {
	    if (this.t < 1) return 0;
	    var x = this[0];
	    if ((x & 1) === 0) return 0;
	    var y = x & 3;		// y == 1/x mod 2^2
	    y = (y * (2 - (x & 0xf) * y)) & 0xf;	// y == 1/x mod 2^4
	    y = (y * (2 - (x & 0xff) * y)) & 0xff;	// y == 1/x mod 2^8
	    y = (y * (2 - (((x & 0xffff) * y) & 0xffff))) & 0xffff;	// y == 1/x mod 2^16
	    // last step - calculate inverse mod DV directly;
	    // assumes 16 < DB <= 32 and assumes ability to handle 48-bit ints
	    y = (y * (2 - x * y % this.DV)) % this.DV;		// y == 1/x mod 2^dbits
	    // we really want the negative inverse, and -DV < y < DV
	    return (y > 0) ? this.DV - y : -y;
	}

	// Montgomery reduction
	function Montgomery(m) {
	    this.m = m;
	    this.mp = m.invDigit();
	    this.mpl = this.mp & 0x7fff;
	    this.mph = this.mp >> 15;
	    this.um = (1 << (m.DB - 15)) - 1;
	    this.mt2 = 2 * m.t;
	}

	// xR mod m
	function montConvert(x) {
	    var r = nbi();
	    x.abs().dlShiftTo(this.m.t, r);
	    r.divRemTo(this.m, null, r);
	    if (x.s < 0 && r.compareTo(BigInteger.ZERO) > 0) this.m.subTo(r, r);
	    return r;
	}

	// x/R mod m
	function montRevert(x) {
	    var r = nbi();
	    x.copyTo(r);
	    this.reduce(r);
	    return r;
	}

	// x = x/R mod m (HAC 14.32)
	function montReduce(x) {
	    while (x.t <= this.mt2)	// pad x so am has enough room later
	        x[x.t++] = 0;
	    for (var i = 0; i < this.m.t; ++i) {
	        // faster way of calculating u0 = x[i]*mp mod DV
	        var j = x[i] & 0x7fff;
	        var u0 = (j * this.mpl + (((j * this.mph + (x[i] >> 15) * this.mpl) & this.um) << 15)) & x.DM;
	        // use am to combine the multiply-shift-add into one call
	        j = i + this.m.t;
	        x[j] += this.m.am(0, u0, x, i, 0, this.m.t);
	        // propagate carry
	        while (x[j] >= x.DV) {
	            x[j] -= x.DV;
	            x[++j]++;
	        }
	    }
	    x.clamp();
	    x.drShiftTo(this.m.t, x);
	    if (x.compareTo(this.m) >= 0) x.subTo(this.m, x);
	}

	// r = "x^2/R mod m"; x != r
	function montSqrTo(x, r) {
	    x.squareTo(r);
	    this.reduce(r);
	}

	// r = "xy/R mod m"; x,y != r
	function montMulTo(x, y, r) {
	    x.multiplyTo(y, r);
	    this.reduce(r);
	}

	Montgomery.prototype.convert = montConvert;
	Montgomery.prototype.revert = montRevert;
	Montgomery.prototype.reduce = montReduce;
	Montgomery.prototype.mulTo = montMulTo;
	Montgomery.prototype.sqrTo = montSqrTo;

	// (protected) true iff this is even
	function bnpIsEven() {
	    return ((this.t > 0) ? (this[0] & 1) : this.s) === 0;
	}

	// (protected) this^e, e < 2^32, doing sqr and mul with "r" (HAC 14.79)
	function bnpExp(e, z) {
	    if (e > 0xffffffff || e < 1) return BigInteger.ONE;
	    var r = nbi(), r2 = nbi(), g = z.convert(this), i = nbits(e) - 1;
	    g.copyTo(r);
	    while (--i >= 0) {
	        z.sqrTo(r, r2);
	        if ((e & (1 << i)) > 0) z.mulTo(r2, g, r);
	        else {
	            var t = r;
	            r = r2;
	            r2 = t;
	        }
	    }
	    return z.revert(r);
	}

	// (public) this^e % m, 0 <= e < 2^32
	function bnModPowInt(e, m) {
	    var z;
	    if (e < 256 || m.isEven()) z = new Classic(m); else z = new Montgomery(m);
	    return this.exp(e, z);
	}

	// Copyright (c) 2005-2009  Tom Wu
	// All Rights Reserved.
	// See "LICENSE" for details.

	// Extended JavaScript BN functions, required for RSA private ops.

	// Version 1.1: new BigInteger("0", 10) returns "proper" zero
	// Version 1.2: square() API, isProbablePrime fix

	//(public)
	function bnClone() {
	    var r = nbi();
	    this.copyTo(r);
	    return r;
	}

	//(public) return value as integer
	function bnIntValue() {
	    if (this.s < 0) {
	        if (this.t == 1) return this[0] - this.DV;
	        else if (this.t === 0) return -1;
	    }
	    else if (this.t == 1) return this[0];
	    else if (this.t === 0) return 0;
	// assumes 16 < DB < 32
	    return ((this[1] & ((1 << (32 - this.DB)) - 1)) << this.DB) | this[0];
	}

	//(public) return value as byte
	function bnByteValue() {
	    return (this.t == 0) ? this.s : (this[0] << 24) >> 24;
	}

	//(public) return value as short (assumes DB>=16)
	function bnShortValue() {
	    return (this.t == 0) ? this.s : (this[0] << 16) >> 16;
	}

	//(protected) return x s.t. r^x < DV
	function bnpChunkSize(r) {
	    return Math.floor(Math.LN2 * this.DB / Math.log(r));
	}

	//(public) 0 if this === 0, 1 if this > 0
	function bnSigNum() {
	    if (this.s < 0) return -1;
	    else if (this.t <= 0 || (this.t == 1 && this[0] <= 0)) return 0;
	    else return 1;
	}

	//(protected) convert to radix string
	function bnpToRadix(b) {
	    if (b == null) b = 10;
	    if (this.signum() === 0 || b < 2 || b > 36) return "0";
	    var cs = this.chunkSize(b);
	    var a = Math.pow(b, cs);
	    var d = nbv(a), y = nbi(), z = nbi(), r = "";
	    this.divRemTo(d, y, z);
	    while (y.signum() > 0) {
	        r = (a + z.intValue()).toString(b).substr(1) + r;
	        y.divRemTo(d, y, z);
	    }
	    return z.intValue().toString(b) + r;
	}

	//(protected) convert from radix string
	function bnpFromRadix(s, b) {
	    this.fromInt(0);
	    if (b == null) b = 10;
	    var cs = this.chunkSize(b);
	    var d = Math.pow(b, cs), mi = false, j = 0, w = 0;
	    for (var i = 0; i < s.length; ++i) {
	        var x = intAt(s, i);
	        if (x < 0) {
	            if (s.charAt(i) == "-" && this.signum() === 0) mi = true;
	            continue;
	        }
	        w = b * w + x;
	        if (++j >= cs) {
	            this.dMultiply(d);
	            this.dAddOffset(w, 0);
	            j = 0;
	            w = 0;
	        }
	    }
	    if (j > 0) {
	        this.dMultiply(Math.pow(b, j));
	        this.dAddOffset(w, 0);
	    }
	    if (mi) BigInteger.ZERO.subTo(this, this);
	}

	//(protected) alternate constructor
	function bnpFromNumber(a, b) {
	    if ("number" == typeof b) {
	        // new BigInteger(int,int,RNG)
	        if (a < 2) this.fromInt(1);
	        else {
	            this.fromNumber(a);
	            if (!this.testBit(a - 1))	// force MSB set
	                this.bitwiseTo(BigInteger.ONE.shiftLeft(a - 1), op_or, this);
	            if (this.isEven()) this.dAddOffset(1, 0); // force odd
	            while (!this.isProbablePrime(b)) {
	                this.dAddOffset(2, 0);
	                if (this.bitLength() > a) this.subTo(BigInteger.ONE.shiftLeft(a - 1), this);
	            }
	        }
	    } else {
	        // new BigInteger(int,RNG)
	        var x = crypt.randomBytes((a >> 3) + 1);
	        var t = a & 7;

	        if (t > 0)
	            x[0] &= ((1 << t) - 1);
	        else
	            x[0] = 0;

	        this.fromByteArray(x);
	    }
	}

	//(public) convert to bigendian byte array
	function bnToByteArray() {
	    var i = this.t, r = new Array();
	    r[0] = this.s;
	    var p = this.DB - (i * this.DB) % 8, d, k = 0;
	    if (i-- > 0) {
	        if (p < this.DB && (d = this[i] >> p) != (this.s & this.DM) >> p)
	            r[k++] = d | (this.s << (this.DB - p));
	        while (i >= 0) {
	            if (p < 8) {
	                d = (this[i] & ((1 << p) - 1)) << (8 - p);
	                d |= this[--i] >> (p += this.DB - 8);
	            }
	            else {
	                d = (this[i] >> (p -= 8)) & 0xff;
	                if (p <= 0) {
	                    p += this.DB;
	                    --i;
	                }
	            }
	            if ((d & 0x80) != 0) d |= -256;
	            if (k === 0 && (this.s & 0x80) != (d & 0x80)) ++k;
	            if (k > 0 || d != this.s) r[k++] = d;
	        }
	    }
	    return r;
	}

	/**
	 * return Buffer object
	 * @param trim {boolean} slice buffer if first element == 0
	 * @returns {Buffer}
	 */
	function bnToBuffer(trimOrSize) {
	    var res = Buffer.from(this.toByteArray());
	    if (trimOrSize === true && res[0] === 0) {
	        res = res.slice(1);
	    } else if (_.isNumber(trimOrSize)) {
	        if (res.length > trimOrSize) {
	            for (var i = 0; i < res.length - trimOrSize; i++) {
	                if (res[i] !== 0) {
	                    return null;
	                }
	            }
	            return res.slice(res.length - trimOrSize);
	        } else if (res.length < trimOrSize) {
	            var padded = Buffer.alloc(trimOrSize);
	            padded.fill(0, 0, trimOrSize - res.length);
	            res.copy(padded, trimOrSize - res.length);
	            return padded;
	        }
	    }
	    return res;
	}

	function bnEquals(a) {
	    return (this.compareTo(a) == 0);
	}
	function bnMin(a) {
	    return (this.compareTo(a) < 0) ? this : a;
	}
	function bnMax(a) {
	    return (this.compareTo(a) > 0) ? this : a;
	}

	//(protected) r = this op a (bitwise)
	function bnpBitwiseTo(a, op, r) {
	    var i, f, m = Math.min(a.t, this.t);
	    for (i = 0; i < m; ++i) r[i] = op(this[i], a[i]);
	    if (a.t < this.t) {
	        f = a.s & this.DM;
	        for (i = m; i < this.t; ++i) r[i] = op(this[i], f);
	        r.t = this.t;
	    }
	    else {
	        f = this.s & this.DM;
	        for (i = m; i < a.t; ++i) r[i] = op(f, a[i]);
	        r.t = a.t;
	    }
	    r.s = op(this.s, a.s);
	    r.clamp();
	}

	//(public) this & a
	function op_and(x, y) {
	    return x & y;
	}
	function bnAnd(a) {
	    var r = nbi();
	    this.bitwiseTo(a, op_and, r);
	    return r;
	}

	//(public) this | a
	function op_or(x, y) {
	    return x | y;
	}
	function bnOr(a) {
	    var r = nbi();
	    this.bitwiseTo(a, op_or, r);
	    return r;
	}

	//(public) this ^ a
	function op_xor(x, y) {
	    return x ^ y;
	}
	function bnXor(a) {
	    var r = nbi();
	    this.bitwiseTo(a, op_xor, r);
	    return r;
	}

	//(public) this & ~a
	function op_andnot(x, y) {
	    return x & ~y;
	}
	function bnAndNot(a) {
	    var r = nbi();
	    this.bitwiseTo(a, op_andnot, r);
	    return r;
	}

	//(public) ~this
	function bnNot() {
	    var r = nbi();
	    for (var i = 0; i < this.t; ++i) r[i] = this.DM & ~this[i];
	    r.t = this.t;
	    r.s = ~this.s;
	    return r;
	}

	//(public) this << n
	function bnShiftLeft(n) {
	    var r = nbi();
	    if (n < 0) this.rShiftTo(-n, r); else this.lShiftTo(n, r);
	    return r;
	}

	//(public) this >> n
	function bnShiftRight(n) {
	    var r = nbi();
	    if (n < 0) this.lShiftTo(-n, r); else this.rShiftTo(n, r);
	    return r;
	}

	//return index of lowest 1-bit in x, x < 2^31
	function lbit(x) {
	    if (x === 0) return -1;
	    var r = 0;
	    if ((x & 0xffff) === 0) {
	        x >>= 16;
	        r += 16;
	    }
	    if ((x & 0xff) === 0) {
	        x >>= 8;
	        r += 8;
	    }
	    if ((x & 0xf) === 0) {
	        x >>= 4;
	        r += 4;
	    }
	    if ((x & 3) === 0) {
	        x >>= 2;
	        r += 2;
	    }
	    if ((x & 1) === 0) ++r;
	    return r;
	}

	//(public) returns index of lowest 1-bit (or -1 if none)
	function bnGetLowestSetBit() {
	    for (var i = 0; i < this.t; ++i)
	        if (this[i] != 0) return i * this.DB + lbit(this[i]);
	    if (this.s < 0) return this.t * this.DB;
	    return -1;
	}

	//return number of 1 bits in x
	function cbit(x) {
	    var r = 0;
	    while (x != 0) {
	        x &= x - 1;
	        ++r;
	    }
	    return r;
	}

	//(public) return number of set bits
	function bnBitCount() {
	    var r = 0, x = this.s & this.DM;
	    for (var i = 0; i < this.t; ++i) r += cbit(this[i] ^ x);
	    return r;
	}

	//(public) true iff nth bit is set
	function bnTestBit(n) {
	    var j = Math.floor(n / this.DB);
	    if (j >= this.t) return (this.s != 0);
	    return ((this[j] & (1 << (n % this.DB))) != 0);
	}

	//(protected) this op (1<<n)
	function bnpChangeBit(n, op) {
	    var r = BigInteger.ONE.shiftLeft(n);
	    this.bitwiseTo(r, op, r);
	    return r;
	}

	//(public) this | (1<<n)
	function bnSetBit(n) {
	    return this.changeBit(n, op_or);
	}

	//(public) this & ~(1<<n)
	function bnClearBit(n) {
	    return this.changeBit(n, op_andnot);
	}

	//(public) this ^ (1<<n)
	function bnFlipBit(n) {
	    return this.changeBit(n, op_xor);
	}

	//(protected) r = this + a
	function bnpAddTo(a, r) {
	    var i = 0, c = 0, m = Math.min(a.t, this.t);
	    while (i < m) {
	        c += this[i] + a[i];
	        r[i++] = c & this.DM;
	        c >>= this.DB;
	    }
	    if (a.t < this.t) {
	        c += a.s;
	        while (i < this.t) {
	            c += this[i];
	            r[i++] = c & this.DM;
	            c >>= this.DB;
	        }
	        c += this.s;
	    }
	    else {
	        c += this.s;
	        while (i < a.t) {
	            c += a[i];
	            r[i++] = c & this.DM;
	            c >>= this.DB;
	        }
	        c += a.s;
	    }
	    r.s = (c < 0) ? -1 : 0;
	    if (c > 0) r[i++] = c;
	    else if (c < -1) r[i++] = this.DV + c;
	    r.t = i;
	    r.clamp();
	}

	//(public) this + a
	function bnAdd(a) {
	    var r = nbi();
	    this.addTo(a, r);
	    return r;
	}

	//(public) this - a
	function bnSubtract(a) {
	    var r = nbi();
	    this.subTo(a, r);
	    return r;
	}

	//(public) this * a
	function bnMultiply(a) {
	    var r = nbi();
	    this.multiplyTo(a, r);
	    return r;
	}

	// (public) this^2
	function bnSquare() {
	    var r = nbi();
	    this.squareTo(r);
	    return r;
	}

	//(public) this / a
	function bnDivide(a) {
	    var r = nbi();
	    this.divRemTo(a, r, null);
	    return r;
	}

	//(public) this % a
	function bnRemainder(a) {
	    var r = nbi();
	    this.divRemTo(a, null, r);
	    return r;
	}

	//(public) [this/a,this%a]
	function bnDivideAndRemainder(a) {
	    var q = nbi(), r = nbi();
	    this.divRemTo(a, q, r);
	    return new Array(q, r);
	}

	//(protected) this *= n, this >= 0, 1 < n < DV
	function bnpDMultiply(n) {
	    this[this.t] = this.am(0, n - 1, this, 0, 0, this.t);
	    ++this.t;
	    this.clamp();
	}

	//(protected) this += n << w words, this >= 0
	function bnpDAddOffset(n, w) {
	    if (n === 0) return;
	    while (this.t <= w) this[this.t++] = 0;
	    this[w] += n;
	    while (this[w] >= this.DV) {
	        this[w] -= this.DV;
	        if (++w >= this.t) this[this.t++] = 0;
	        ++this[w];
	    }
	}

	//A "null" reducer
	function NullExp() {
	}
	function nNop(x) {
	    return x;
	}
	function nMulTo(x, y, r) {
	    x.multiplyTo(y, r);
	}
	function nSqrTo(x, r) {
	    x.squareTo(r);
	}

	NullExp.prototype.convert = nNop;
	NullExp.prototype.revert = nNop;
	NullExp.prototype.mulTo = nMulTo;
	NullExp.prototype.sqrTo = nSqrTo;

	//(public) this^e
	function bnPow(e) {
	    return this.exp(e, new NullExp());
	}

	//(protected) r = lower n words of "this * a", a.t <= n
	//"this" should be the larger one if appropriate.
	function bnpMultiplyLowerTo(a, n, r) {
	    var i = Math.min(this.t + a.t, n);
	    r.s = 0; // assumes a,this >= 0
	    r.t = i;
	    while (i > 0) r[--i] = 0;
	    var j;
	    for (j = r.t - this.t; i < j; ++i) r[i + this.t] = this.am(0, a[i], r, i, 0, this.t);
	    for (j = Math.min(a.t, n); i < j; ++i) this.am(0, a[i], r, i, 0, n - i);
	    r.clamp();
	}

	//(protected) r = "this * a" without lower n words, n > 0
	//"this" should be the larger one if appropriate.
	function bnpMultiplyUpperTo(a, n, r) {
	    --n;
	    var i = r.t = this.t + a.t - n;
	    r.s = 0; // assumes a,this >= 0
	    while (--i >= 0) r[i] = 0;
	    for (i = Math.max(n - this.t, 0); i < a.t; ++i)
	        r[this.t + i - n] = this.am(n - i, a[i], r, 0, 0, this.t + i - n);
	    r.clamp();
	    r.drShiftTo(1, r);
	}

	//Barrett modular reduction
	function Barrett(m) {
	// setup Barrett
	    this.r2 = nbi();
	    this.q3 = nbi();
	    BigInteger.ONE.dlShiftTo(2 * m.t, this.r2);
	    this.mu = this.r2.divide(m);
	    this.m = m;
	}

	function barrettConvert(x) {
	    if (x.s < 0 || x.t > 2 * this.m.t) return x.mod(this.m);
	    else if (x.compareTo(this.m) < 0) return x;
	    else {
	        var r = nbi();
	        x.copyTo(r);
	        this.reduce(r);
	        return r;
	    }
	}

	function barrettRevert(x) {
	    return x;
	}

	//x = x mod m (HAC 14.42)
	function barrettReduce(x) {
	    x.drShiftTo(this.m.t - 1, this.r2);
	    if (x.t > this.m.t + 1) {
	        x.t = this.m.t + 1;
	        x.clamp();
	    }
	    this.mu.multiplyUpperTo(this.r2, this.m.t + 1, this.q3);
	    this.m.multiplyLowerTo(this.q3, this.m.t + 1, this.r2);
	    while (x.compareTo(this.r2) < 0) x.dAddOffset(1, this.m.t + 1);
	    x.subTo(this.r2, x);
	    while (x.compareTo(this.m) >= 0) x.subTo(this.m, x);
	}

	//r = x^2 mod m; x != r
	function barrettSqrTo(x, r) {
	    x.squareTo(r);
	    this.reduce(r);
	}

	//r = x*y mod m; x,y != r
	function barrettMulTo(x, y, r) {
	    x.multiplyTo(y, r);
	    this.reduce(r);
	}

	Barrett.prototype.convert = barrettConvert;
	Barrett.prototype.revert = barrettRevert;
	Barrett.prototype.reduce = barrettReduce;
	Barrett.prototype.mulTo = barrettMulTo;
	Barrett.prototype.sqrTo = barrettSqrTo;

	//(public) this^e % m (HAC 14.85)
	function bnModPow(e, m) {
	    var i = e.bitLength(), k, r = nbv(1), z;
	    if (i <= 0) return r;
	    else if (i < 18) k = 1;
	    else if (i < 48) k = 3;
	    else if (i < 144) k = 4;
	    else if (i < 768) k = 5;
	    else k = 6;
	    if (i < 8)
	        z = new Classic(m);
	    else if (m.isEven())
	        z = new Barrett(m);
	    else
	        z = new Montgomery(m);

	// precomputation
	    var g = new Array(), n = 3, k1 = k - 1, km = (1 << k) - 1;
	    g[1] = z.convert(this);
	    if (k > 1) {
	        var g2 = nbi();
	        z.sqrTo(g[1], g2);
	        while (n <= km) {
	            g[n] = nbi();
	            z.mulTo(g2, g[n - 2], g[n]);
	            n += 2;
	        }
	    }

	    var j = e.t - 1, w, is1 = true, r2 = nbi(), t;
	    i = nbits(e[j]) - 1;
	    while (j >= 0) {
	        if (i >= k1) w = (e[j] >> (i - k1)) & km;
	        else {
	            w = (e[j] & ((1 << (i + 1)) - 1)) << (k1 - i);
	            if (j > 0) w |= e[j - 1] >> (this.DB + i - k1);
	        }

	        n = k;
	        while ((w & 1) === 0) {
	            w >>= 1;
	            --n;
	        }
	        if ((i -= n) < 0) {
	            i += this.DB;
	            --j;
	        }
	        if (is1) {	// ret == 1, don't bother squaring or multiplying it
	            g[w].copyTo(r);
	            is1 = false;
	        }
	        else {
	            while (n > 1) {
	                z.sqrTo(r, r2);
	                z.sqrTo(r2, r);
	                n -= 2;
	            }
	            if (n > 0) z.sqrTo(r, r2); else {
	                t = r;
	                r = r2;
	                r2 = t;
	            }
	            z.mulTo(r2, g[w], r);
	        }

	        while (j >= 0 && (e[j] & (1 << i)) === 0) {
	            z.sqrTo(r, r2);
	            t = r;
	            r = r2;
	            r2 = t;
	            if (--i < 0) {
	                i = this.DB - 1;
	                --j;
	            }
	        }
	    }
	    return z.revert(r);
	}

	//(public) gcd(this,a) (HAC 14.54)
	function bnGCD(a) {
	    var x = (this.s < 0) ? this.negate() : this.clone();
	    var y = (a.s < 0) ? a.negate() : a.clone();
	    if (x.compareTo(y) < 0) {
	        var t = x;
	        x = y;
	        y = t;
	    }
	    var i = x.getLowestSetBit(), g = y.getLowestSetBit();
	    if (g < 0) return x;
	    if (i < g) g = i;
	    if (g > 0) {
	        x.rShiftTo(g, x);
	        y.rShiftTo(g, y);
	    }
	    while (x.signum() > 0) {
	        if ((i = x.getLowestSetBit()) > 0) x.rShiftTo(i, x);
	        if ((i = y.getLowestSetBit()) > 0) y.rShiftTo(i, y);
	        if (x.compareTo(y) >= 0) {
	            x.subTo(y, x);
	            x.rShiftTo(1, x);
	        }
	        else {
	            y.subTo(x, y);
	            y.rShiftTo(1, y);
	        }
	    }
	    if (g > 0) y.lShiftTo(g, y);
	    return y;
	}

	//(protected) this % n, n < 2^26
	function bnpModInt(n) {
	    if (n <= 0) return 0;
	    var d = this.DV % n, r = (this.s < 0) ? n - 1 : 0;
	    if (this.t > 0)
	        if (d === 0) r = this[0] % n;
	        else for (var i = this.t - 1; i >= 0; --i) r = (d * r + this[i]) % n;
	    return r;
	}

	//(public) 1/this % m (HAC 14.61)
	function bnModInverse(m) {
	    var ac = m.isEven();
	    if ((this.isEven() && ac) || m.signum() === 0) return BigInteger.ZERO;
	    var u = m.clone(), v = this.clone();
	    var a = nbv(1), b = nbv(0), c = nbv(0), d = nbv(1);
	    while (u.signum() != 0) {
	        while (u.isEven()) {
	            u.rShiftTo(1, u);
	            if (ac) {
	                if (!a.isEven() || !b.isEven()) {
	                    a.addTo(this, a);
	                    b.subTo(m, b);
	                }
	                a.rShiftTo(1, a);
	            }
	            else if (!b.isEven()) b.subTo(m, b);
	            b.rShiftTo(1, b);
	        }
	        while (v.isEven()) {
	            v.rShiftTo(1, v);
	            if (ac) {
	                if (!c.isEven() || !d.isEven()) {
	                    c.addTo(this, c);
	                    d.subTo(m, d);
	                }
	                c.rShiftTo(1, c);
	            }
	            else if (!d.isEven()) d.subTo(m, d);
	            d.rShiftTo(1, d);
	        }
	        if (u.compareTo(v) >= 0) {
	            u.subTo(v, u);
	            if (ac) a.subTo(c, a);
	            b.subTo(d, b);
	        }
	        else {
	            v.subTo(u, v);
	            if (ac) c.subTo(a, c);
	            d.subTo(b, d);
	        }
	    }
	    if (v.compareTo(BigInteger.ONE) != 0) return BigInteger.ZERO;
	    if (d.compareTo(m) >= 0) return d.subtract(m);
	    if (d.signum() < 0) d.addTo(m, d); else return d;
	    if (d.signum() < 0) return d.add(m); else return d;
	}

	var lowprimes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337, 347, 349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509, 521, 523, 541, 547, 557, 563, 569, 571, 577, 587, 593, 599, 601, 607, 613, 617, 619, 631, 641, 643, 647, 653, 659, 661, 673, 677, 683, 691, 701, 709, 719, 727, 733, 739, 743, 751, 757, 761, 769, 773, 787, 797, 809, 811, 821, 823, 827, 829, 839, 853, 857, 859, 863, 877, 881, 883, 887, 907, 911, 919, 929, 937, 941, 947, 953, 967, 971, 977, 983, 991, 997];
	var lplim = (1 << 26) / lowprimes[lowprimes.length - 1];

	//(public) test primality with certainty >= 1-.5^t
	function bnIsProbablePrime(t) {
	    var i, x = this.abs();
	    if (x.t == 1 && x[0] <= lowprimes[lowprimes.length - 1]) {
	        for (i = 0; i < lowprimes.length; ++i)
	            if (x[0] == lowprimes[i]) return true;
	        return false;
	    }
	    if (x.isEven()) return false;
	    i = 1;
	    while (i < lowprimes.length) {
	        var m = lowprimes[i], j = i + 1;
	        while (j < lowprimes.length && m < lplim) m *= lowprimes[j++];
	        m = x.modInt(m);
	        while (i < j) if (m % lowprimes[i++] === 0) return false;
	    }
	    return x.millerRabin(t);
	}

	//(protected) true if probably prime (HAC 4.24, Miller-Rabin)
	function bnpMillerRabin(t) {
	    var n1 = this.subtract(BigInteger.ONE);
	    var k = n1.getLowestSetBit();
	    if (k <= 0) return false;
	    var r = n1.shiftRight(k);
	    t = (t + 1) >> 1;
	    if (t > lowprimes.length) t = lowprimes.length;
	    var a = nbi();
	    for (var i = 0; i < t; ++i) {
	        //Pick bases at random, instead of starting at 2
	        a.fromInt(lowprimes[Math.floor(Math.random() * lowprimes.length)]);
	        var y = a.modPow(r, this);
	        if (y.compareTo(BigInteger.ONE) != 0 && y.compareTo(n1) != 0) {
	            var j = 1;
	            while (j++ < k && y.compareTo(n1) != 0) {
	                y = y.modPowInt(2, this);
	                if (y.compareTo(BigInteger.ONE) === 0) return false;
	            }
	            if (y.compareTo(n1) != 0) return false;
	        }
	    }
	    return true;
	}

	// protected
	BigInteger.prototype.copyTo = bnpCopyTo;
	BigInteger.prototype.fromInt = bnpFromInt;
	BigInteger.prototype.fromString = bnpFromString;
	BigInteger.prototype.fromByteArray = bnpFromByteArray;
	BigInteger.prototype.fromBuffer = bnpFromBuffer;
	BigInteger.prototype.clamp = bnpClamp;
	BigInteger.prototype.dlShiftTo = bnpDLShiftTo;
	BigInteger.prototype.drShiftTo = bnpDRShiftTo;
	BigInteger.prototype.lShiftTo = bnpLShiftTo;
	BigInteger.prototype.rShiftTo = bnpRShiftTo;
	BigInteger.prototype.subTo = bnpSubTo;
	BigInteger.prototype.multiplyTo = bnpMultiplyTo;
	BigInteger.prototype.squareTo = bnpSquareTo;
	BigInteger.prototype.divRemTo = bnpDivRemTo;
	BigInteger.prototype.invDigit = bnpInvDigit;
	BigInteger.prototype.isEven = bnpIsEven;
	BigInteger.prototype.exp = bnpExp;

	BigInteger.prototype.chunkSize = bnpChunkSize;
	BigInteger.prototype.toRadix = bnpToRadix;
	BigInteger.prototype.fromRadix = bnpFromRadix;
	BigInteger.prototype.fromNumber = bnpFromNumber;
	BigInteger.prototype.bitwiseTo = bnpBitwiseTo;
	BigInteger.prototype.changeBit = bnpChangeBit;
	BigInteger.prototype.addTo = bnpAddTo;
	BigInteger.prototype.dMultiply = bnpDMultiply;
	BigInteger.prototype.dAddOffset = bnpDAddOffset;
	BigInteger.prototype.multiplyLowerTo = bnpMultiplyLowerTo;
	BigInteger.prototype.multiplyUpperTo = bnpMultiplyUpperTo;
	BigInteger.prototype.modInt = bnpModInt;
	BigInteger.prototype.millerRabin = bnpMillerRabin;


	// public
	BigInteger.prototype.toString = bnToString;
	BigInteger.prototype.negate = bnNegate;
	BigInteger.prototype.abs = bnAbs;
	BigInteger.prototype.compareTo = bnCompareTo;
	BigInteger.prototype.bitLength = bnBitLength;
	BigInteger.prototype.mod = bnMod;
	BigInteger.prototype.modPowInt = bnModPowInt;

	BigInteger.prototype.clone = bnClone;
	BigInteger.prototype.intValue = bnIntValue;
	BigInteger.prototype.byteValue = bnByteValue;
	BigInteger.prototype.shortValue = bnShortValue;
	BigInteger.prototype.signum = bnSigNum;
	BigInteger.prototype.toByteArray = bnToByteArray;
	BigInteger.prototype.toBuffer = bnToBuffer;
	BigInteger.prototype.equals = bnEquals;
	BigInteger.prototype.min = bnMin;
	BigInteger.prototype.max = bnMax;
	BigInteger.prototype.and = bnAnd;
	BigInteger.prototype.or = bnOr;
	BigInteger.prototype.xor = bnXor;
	BigInteger.prototype.andNot = bnAndNot;
	BigInteger.prototype.not = bnNot;
	BigInteger.prototype.shiftLeft = bnShiftLeft;
	BigInteger.prototype.shiftRight = bnShiftRight;
	BigInteger.prototype.getLowestSetBit = bnGetLowestSetBit;
	BigInteger.prototype.bitCount = bnBitCount;
	BigInteger.prototype.testBit = bnTestBit;
	BigInteger.prototype.setBit = bnSetBit;
	BigInteger.prototype.clearBit = bnClearBit;
	BigInteger.prototype.flipBit = bnFlipBit;
	BigInteger.prototype.add = bnAdd;
	BigInteger.prototype.subtract = bnSubtract;
	BigInteger.prototype.multiply = bnMultiply;
	BigInteger.prototype.divide = bnDivide;
	BigInteger.prototype.remainder = bnRemainder;
	BigInteger.prototype.divideAndRemainder = bnDivideAndRemainder;
	BigInteger.prototype.modPow = bnModPow;
	BigInteger.prototype.modInverse = bnModInverse;
	BigInteger.prototype.pow = bnPow;
	BigInteger.prototype.gcd = bnGCD;
	BigInteger.prototype.isProbablePrime = bnIsProbablePrime;
	BigInteger.int2char = int2char;

	// "constants"
	BigInteger.ZERO = nbv(0);
	BigInteger.ONE = nbv(1);

	// JSBN-specific extension
	BigInteger.prototype.square = bnSquare;

	//BigInteger interfaces not implemented in jsbn:

	//BigInteger(int signum, byte[] magnitude)
	//double doubleValue()
	//float floatValue()
	//int hashCode()
	//long longValue()
	//static BigInteger valueOf(long val)

	jsbn = BigInteger;
	return jsbn;
}

var schemes = {exports: {}};

var pkcs1$1 = {exports: {}};

/**
 * PKCS1 padding and signature scheme
 */

var hasRequiredPkcs1$1;

function requirePkcs1$1 () {
	if (hasRequiredPkcs1$1) return pkcs1$1.exports;
	hasRequiredPkcs1$1 = 1;
	var BigInteger = requireJsbn();
	var crypt = require$$0;
	var constants = require$$1;
	var SIGN_INFO_HEAD = {
	    md2: Buffer.from('3020300c06082a864886f70d020205000410', 'hex'),
	    md5: Buffer.from('3020300c06082a864886f70d020505000410', 'hex'),
	    sha1: Buffer.from('3021300906052b0e03021a05000414', 'hex'),
	    sha224: Buffer.from('302d300d06096086480165030402040500041c', 'hex'),
	    sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
	    sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
	    sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex'),
	    ripemd160: Buffer.from('3021300906052b2403020105000414', 'hex'),
	    rmd160: Buffer.from('3021300906052b2403020105000414', 'hex')
	};

	var SIGN_ALG_TO_HASH_ALIASES = {
	    'ripemd160': 'rmd160'
	};

	var DEFAULT_HASH_FUNCTION = 'sha256';

	pkcs1$1.exports = {
	    isEncryption: true,
	    isSignature: true
	};

	pkcs1$1.exports.makeScheme = function (key, options) {
	    function Scheme(key, options) {
	        this.key = key;
	        this.options = options;
	    }

	    Scheme.prototype.maxMessageLength = function () {
	        if (this.options.encryptionSchemeOptions && this.options.encryptionSchemeOptions.padding == constants.RSA_NO_PADDING) {
	            return this.key.encryptedDataLength;
	        }
	        return this.key.encryptedDataLength - 11;
	    };

	    /**
	     * Pad input Buffer to encryptedDataLength bytes, and return Buffer.from
	     * alg: PKCS#1
	     * @param buffer
	     * @returns {Buffer}
	     */
	    Scheme.prototype.encPad = function (buffer, options) {
	        options = options || {};
	        var filled;
	        if (buffer.length > this.key.maxMessageLength) {
	            throw new Error("Message too long for RSA (n=" + this.key.encryptedDataLength + ", l=" + buffer.length + ")");
	        }
	        if (this.options.encryptionSchemeOptions && this.options.encryptionSchemeOptions.padding == constants.RSA_NO_PADDING) {
	            //RSA_NO_PADDING treated like JAVA left pad with zero character
	            filled = Buffer.alloc(this.key.maxMessageLength - buffer.length);
	            filled.fill(0);
	            return Buffer.concat([filled, buffer]);
	        }

	        /* Type 1: zeros padding for private key encrypt */
	        if (options.type === 1) {
	            filled = Buffer.alloc(this.key.encryptedDataLength - buffer.length - 1);
	            filled.fill(0xff, 0, filled.length - 1);
	            filled[0] = 1;
	            filled[filled.length - 1] = 0;

	            return Buffer.concat([filled, buffer]);
	        } else {
	            /* random padding for public key encrypt */
	            filled = Buffer.alloc(this.key.encryptedDataLength - buffer.length);
	            filled[0] = 0;
	            filled[1] = 2;
	            var rand = crypt.randomBytes(filled.length - 3);
	            for (var i = 0; i < rand.length; i++) {
	                var r = rand[i];
	                while (r === 0) { // non-zero only
	                    r = crypt.randomBytes(1)[0];
	                }
	                filled[i + 2] = r;
	            }
	            filled[filled.length - 1] = 0;
	            return Buffer.concat([filled, buffer]);
	        }
	    };

	    /**
	     * Unpad input Buffer and, if valid, return the Buffer object
	     * alg: PKCS#1 (type 2, random)
	     * @param buffer
	     * @returns {Buffer}
	     */
	    Scheme.prototype.encUnPad = function (buffer, options) {
	        options = options || {};
	        var i = 0;

	        if (this.options.encryptionSchemeOptions && this.options.encryptionSchemeOptions.padding == constants.RSA_NO_PADDING) {
	            //RSA_NO_PADDING treated like JAVA left pad with zero character
	            var unPad;
	            if (typeof buffer.lastIndexOf == "function") { //patch for old node version
	                unPad = buffer.slice(buffer.lastIndexOf('\0') + 1, buffer.length);
	            } else {
	                unPad = buffer.slice(String.prototype.lastIndexOf.call(buffer, '\0') + 1, buffer.length);
	            }
	            return unPad;
	        }

	        if (buffer.length < 4) {
	            return null;
	        }

	        /* Type 1: zeros padding for private key decrypt */
	        if (options.type === 1) {
	            if (buffer[0] !== 0 || buffer[1] !== 1) {
	                return null;
	            }
	            i = 3;
	            while (buffer[i] !== 0) {
	                if (buffer[i] != 0xFF || ++i >= buffer.length) {
	                    return null;
	                }
	            }
	        } else {
	            /* random padding for public key decrypt */
	            if (buffer[0] !== 0 || buffer[1] !== 2) {
	                return null;
	            }
	            i = 3;
	            while (buffer[i] !== 0) {
	                if (++i >= buffer.length) {
	                    return null;
	                }
	            }
	        }
	        return buffer.slice(i + 1, buffer.length);
	    };

	    Scheme.prototype.sign = function (buffer) {
	        var hashAlgorithm = this.options.signingSchemeOptions.hash || DEFAULT_HASH_FUNCTION;
	        if (this.options.environment === 'browser') {
	            hashAlgorithm = SIGN_ALG_TO_HASH_ALIASES[hashAlgorithm] || hashAlgorithm;

	            var hasher = crypt.createHash(hashAlgorithm);
	            hasher.update(buffer);
	            var hash = this.pkcs1pad(hasher.digest(), hashAlgorithm);
	            var res = this.key.$doPrivate(new BigInteger(hash)).toBuffer(this.key.encryptedDataLength);

	            return res;
	        } else {
	            var signer = crypt.createSign('RSA-' + hashAlgorithm.toUpperCase());
	            signer.update(buffer);
	            return signer.sign(this.options.rsaUtils.exportKey('private'));
	        }
	    };

	    Scheme.prototype.verify = function (buffer, signature, signature_encoding) {
	        if (this.options.encryptionSchemeOptions && this.options.encryptionSchemeOptions.padding == constants.RSA_NO_PADDING) {
	            //RSA_NO_PADDING has no verify data
	            return false;
	        }
	        var hashAlgorithm = this.options.signingSchemeOptions.hash || DEFAULT_HASH_FUNCTION;
	        if (this.options.environment === 'browser') {
	            hashAlgorithm = SIGN_ALG_TO_HASH_ALIASES[hashAlgorithm] || hashAlgorithm;

	            if (signature_encoding) {
	                signature = Buffer.from(signature, signature_encoding);
	            }

	            var hasher = crypt.createHash(hashAlgorithm);
	            hasher.update(buffer);
	            var hash = this.pkcs1pad(hasher.digest(), hashAlgorithm);
	            var m = this.key.$doPublic(new BigInteger(signature));

	            return m.toBuffer().toString('hex') == hash.toString('hex');
	        } else {
	            var verifier = crypt.createVerify('RSA-' + hashAlgorithm.toUpperCase());
	            verifier.update(buffer);
	            return verifier.verify(this.options.rsaUtils.exportKey('public'), signature, signature_encoding);
	        }
	    };

	    /**
	     * PKCS#1 zero pad input buffer to max data length
	     * @param hashBuf
	     * @param hashAlgorithm
	     * @returns {*}
	     */
	    Scheme.prototype.pkcs0pad = function (buffer) {
	        var filled = Buffer.alloc(this.key.maxMessageLength - buffer.length);
	        filled.fill(0);
	        return Buffer.concat([filled, buffer]);
	    };

	    Scheme.prototype.pkcs0unpad = function (buffer) {
	        var unPad;
	        if (typeof buffer.lastIndexOf == "function") { //patch for old node version
	            unPad = buffer.slice(buffer.lastIndexOf('\0') + 1, buffer.length);
	        } else {
	            unPad = buffer.slice(String.prototype.lastIndexOf.call(buffer, '\0') + 1, buffer.length);
	        }

	        return unPad;
	    };

	    /**
	     * PKCS#1 pad input buffer to max data length
	     * @param hashBuf
	     * @param hashAlgorithm
	     * @returns {*}
	     */
	    Scheme.prototype.pkcs1pad = function (hashBuf, hashAlgorithm) {
	        var digest = SIGN_INFO_HEAD[hashAlgorithm];
	        if (!digest) {
	            throw Error('Unsupported hash algorithm');
	        }

	        var data = Buffer.concat([digest, hashBuf]);

	        if (data.length + 10 > this.key.encryptedDataLength) {
	            throw Error('Key is too short for signing algorithm (' + hashAlgorithm + ')');
	        }

	        var filled = Buffer.alloc(this.key.encryptedDataLength - data.length - 1);
	        filled.fill(0xff, 0, filled.length - 1);
	        filled[0] = 1;
	        filled[filled.length - 1] = 0;

	        var res = Buffer.concat([filled, data]);

	        return res;
	    };

	    return new Scheme(key, options);
	};
	return pkcs1$1.exports;
}

var oaep = {exports: {}};

/**
 * PKCS_OAEP signature scheme
 */

var hasRequiredOaep;

function requireOaep () {
	if (hasRequiredOaep) return oaep.exports;
	hasRequiredOaep = 1;
	(function (module) {
		requireJsbn();
		var crypt = require$$0;

		module.exports = {
		    isEncryption: true,
		    isSignature: false
		};

		module.exports.digestLength = {
		    md4: 16,
		    md5: 16,
		    ripemd160: 20,
		    rmd160: 20,
		    sha1: 20,
		    sha224: 28,
		    sha256: 32,
		    sha384: 48,
		    sha512: 64
		};

		var DEFAULT_HASH_FUNCTION = 'sha1';

		/*
		 * OAEP Mask Generation Function 1
		 * Generates a buffer full of pseudorandom bytes given seed and maskLength.
		 * Giving the same seed, maskLength, and hashFunction will result in the same exact byte values in the buffer.
		 *
		 * https://tools.ietf.org/html/rfc3447#appendix-B.2.1
		 *
		 * Parameters:
		 * seed			[Buffer]	The pseudo random seed for this function
		 * maskLength	[int]		The length of the output
		 * hashFunction	[String]	The hashing function to use. Will accept any valid crypto hash. Default "sha1"
		 *		Supports "sha1" and "sha256".
		 *		To add another algorythm the algorythem must be accepted by crypto.createHash, and then the length of the output of the hash function (the digest) must be added to the digestLength object below.
		 *		Most RSA implementations will be expecting sha1
		 */
		module.exports.eme_oaep_mgf1 = function (seed, maskLength, hashFunction) {
		    hashFunction = hashFunction || DEFAULT_HASH_FUNCTION;
		    var hLen = module.exports.digestLength[hashFunction];
		    var count = Math.ceil(maskLength / hLen);
		    var T = Buffer.alloc(hLen * count);
		    var c = Buffer.alloc(4);
		    for (var i = 0; i < count; ++i) {
		        var hash = crypt.createHash(hashFunction);
		        hash.update(seed);
		        c.writeUInt32BE(i, 0);
		        hash.update(c);
		        hash.digest().copy(T, i * hLen);
		    }
		    return T.slice(0, maskLength);
		};

		module.exports.makeScheme = function (key, options) {
		    function Scheme(key, options) {
		        this.key = key;
		        this.options = options;
		    }

		    Scheme.prototype.maxMessageLength = function () {
		        return this.key.encryptedDataLength - 2 * module.exports.digestLength[this.options.encryptionSchemeOptions.hash || DEFAULT_HASH_FUNCTION] - 2;
		    };

		    /**
		     * Pad input
		     * alg: PKCS1_OAEP
		     *
		     * https://tools.ietf.org/html/rfc3447#section-7.1.1
		     */
		    Scheme.prototype.encPad = function (buffer) {
		        var hash = this.options.encryptionSchemeOptions.hash || DEFAULT_HASH_FUNCTION;
		        var mgf = this.options.encryptionSchemeOptions.mgf || module.exports.eme_oaep_mgf1;
		        var label = this.options.encryptionSchemeOptions.label || Buffer.alloc(0);
		        var emLen = this.key.encryptedDataLength;

		        var hLen = module.exports.digestLength[hash];

		        // Make sure we can put message into an encoded message of emLen bytes
		        if (buffer.length > emLen - 2 * hLen - 2) {
		            throw new Error("Message is too long to encode into an encoded message with a length of " + emLen + " bytes, increase" +
		            "emLen to fix this error (minimum value for given parameters and options: " + (emLen - 2 * hLen - 2) + ")");
		        }

		        var lHash = crypt.createHash(hash);
		        lHash.update(label);
		        lHash = lHash.digest();

		        var PS = Buffer.alloc(emLen - buffer.length - 2 * hLen - 1); // Padding "String"
		        PS.fill(0); // Fill the buffer with octets of 0
		        PS[PS.length - 1] = 1;

		        var DB = Buffer.concat([lHash, PS, buffer]);
		        var seed = crypt.randomBytes(hLen);

		        // mask = dbMask
		        var mask = mgf(seed, DB.length, hash);
		        // XOR DB and dbMask together.
		        for (var i = 0; i < DB.length; i++) {
		            DB[i] ^= mask[i];
		        }
		        // DB = maskedDB

		        // mask = seedMask
		        mask = mgf(DB, hLen, hash);
		        // XOR seed and seedMask together.
		        for (i = 0; i < seed.length; i++) {
		            seed[i] ^= mask[i];
		        }
		        // seed = maskedSeed

		        var em = Buffer.alloc(1 + seed.length + DB.length);
		        em[0] = 0;
		        seed.copy(em, 1);
		        DB.copy(em, 1 + seed.length);

		        return em;
		    };

		    /**
		     * Unpad input
		     * alg: PKCS1_OAEP
		     *
		     * Note: This method works within the buffer given and modifies the values. It also returns a slice of the EM as the return Message.
		     * If the implementation requires that the EM parameter be unmodified then the implementation should pass in a clone of the EM buffer.
		     *
		     * https://tools.ietf.org/html/rfc3447#section-7.1.2
		     */
		    Scheme.prototype.encUnPad = function (buffer) {
		        var hash = this.options.encryptionSchemeOptions.hash || DEFAULT_HASH_FUNCTION;
		        var mgf = this.options.encryptionSchemeOptions.mgf || module.exports.eme_oaep_mgf1;
		        var label = this.options.encryptionSchemeOptions.label || Buffer.alloc(0);

		        var hLen = module.exports.digestLength[hash];

		        // Check to see if buffer is a properly encoded OAEP message
		        if (buffer.length < 2 * hLen + 2) {
		            throw new Error("Error decoding message, the supplied message is not long enough to be a valid OAEP encoded message");
		        }

		        var seed = buffer.slice(1, hLen + 1);	// seed = maskedSeed
		        var DB = buffer.slice(1 + hLen);		// DB = maskedDB

		        var mask = mgf(DB, hLen, hash); // seedMask
		        // XOR maskedSeed and seedMask together to get the original seed.
		        for (var i = 0; i < seed.length; i++) {
		            seed[i] ^= mask[i];
		        }

		        mask = mgf(seed, DB.length, hash); // dbMask
		        // XOR DB and dbMask together to get the original data block.
		        for (i = 0; i < DB.length; i++) {
		            DB[i] ^= mask[i];
		        }

		        var lHash = crypt.createHash(hash);
		        lHash.update(label);
		        lHash = lHash.digest();

		        var lHashEM = DB.slice(0, hLen);
		        if (lHashEM.toString("hex") != lHash.toString("hex")) {
		            throw new Error("Error decoding message, the lHash calculated from the label provided and the lHash in the encrypted data do not match.");
		        }

		        // Filter out padding
		        i = hLen;
		        while (DB[i++] === 0 && i < DB.length);
		        if (DB[i - 1] != 1) {
		            throw new Error("Error decoding message, there is no padding message separator byte");
		        }

		        return DB.slice(i); // Message
		    };

		    return new Scheme(key, options);
		}; 
	} (oaep));
	return oaep.exports;
}

var pss = {exports: {}};

/**
 * PSS signature scheme
 */

var hasRequiredPss;

function requirePss () {
	if (hasRequiredPss) return pss.exports;
	hasRequiredPss = 1;
	var BigInteger = requireJsbn();
	var crypt = require$$0;

	pss.exports = {
	    isEncryption: false,
	    isSignature: true
	};

	var DEFAULT_HASH_FUNCTION = 'sha1';
	var DEFAULT_SALT_LENGTH = 20;

	pss.exports.makeScheme = function (key, options) {
	    var OAEP = requireSchemes().pkcs1_oaep;

	    /**
	     * @param key
	     * @param options
	     * options    [Object]    An object that contains the following keys that specify certain options for encoding.
	     *  └>signingSchemeOptions
	     *     ├>hash    [String]    Hash function to use when encoding and generating masks. Must be a string accepted by node's crypto.createHash function. (default = "sha1")
	     *     ├>mgf    [function]    The mask generation function to use when encoding. (default = mgf1SHA1)
	     *     └>sLen    [uint]        The length of the salt to generate. (default = 20)
	     * @constructor
	     */
	    function Scheme(key, options) {
	        this.key = key;
	        this.options = options;
	    }

	    Scheme.prototype.sign = function (buffer) {
	        var mHash = crypt.createHash(this.options.signingSchemeOptions.hash || DEFAULT_HASH_FUNCTION);
	        mHash.update(buffer);

	        var encoded = this.emsa_pss_encode(mHash.digest(), this.key.keySize - 1);
	        return this.key.$doPrivate(new BigInteger(encoded)).toBuffer(this.key.encryptedDataLength);
	    };

	    Scheme.prototype.verify = function (buffer, signature, signature_encoding) {
	        if (signature_encoding) {
	            signature = Buffer.from(signature, signature_encoding);
	        }
	        signature = new BigInteger(signature);

	        var emLen = Math.ceil((this.key.keySize - 1) / 8);
	        var m = this.key.$doPublic(signature).toBuffer(emLen);

	        var mHash = crypt.createHash(this.options.signingSchemeOptions.hash || DEFAULT_HASH_FUNCTION);
	        mHash.update(buffer);

	        return this.emsa_pss_verify(mHash.digest(), m, this.key.keySize - 1);
	    };

	    /*
	     * https://tools.ietf.org/html/rfc3447#section-9.1.1
	     *
	     * mHash	[Buffer]	Hashed message to encode
	     * emBits	[uint]		Maximum length of output in bits. Must be at least 8hLen + 8sLen + 9 (hLen = Hash digest length in bytes | sLen = length of salt in bytes)
	     * @returns {Buffer} The encoded message
	     */
	    Scheme.prototype.emsa_pss_encode = function (mHash, emBits) {
	        var hash = this.options.signingSchemeOptions.hash || DEFAULT_HASH_FUNCTION;
	        var mgf = this.options.signingSchemeOptions.mgf || OAEP.eme_oaep_mgf1;
	        var sLen = this.options.signingSchemeOptions.saltLength || DEFAULT_SALT_LENGTH;

	        var hLen = OAEP.digestLength[hash];
	        var emLen = Math.ceil(emBits / 8);

	        if (emLen < hLen + sLen + 2) {
	            throw new Error("Output length passed to emBits(" + emBits + ") is too small for the options " +
	                "specified(" + hash + ", " + sLen + "). To fix this issue increase the value of emBits. (minimum size: " +
	                (8 * hLen + 8 * sLen + 9) + ")"
	            );
	        }

	        var salt = crypt.randomBytes(sLen);

	        var Mapostrophe = Buffer.alloc(8 + hLen + sLen);
	        Mapostrophe.fill(0, 0, 8);
	        mHash.copy(Mapostrophe, 8);
	        salt.copy(Mapostrophe, 8 + mHash.length);

	        var H = crypt.createHash(hash);
	        H.update(Mapostrophe);
	        H = H.digest();

	        var PS = Buffer.alloc(emLen - salt.length - hLen - 2);
	        PS.fill(0);

	        var DB = Buffer.alloc(PS.length + 1 + salt.length);
	        PS.copy(DB);
	        DB[PS.length] = 0x01;
	        salt.copy(DB, PS.length + 1);

	        var dbMask = mgf(H, DB.length, hash);

	        // XOR DB and dbMask together
	        var maskedDB = Buffer.alloc(DB.length);
	        for (var i = 0; i < dbMask.length; i++) {
	            maskedDB[i] = DB[i] ^ dbMask[i];
	        }

	        var bits = 8 * emLen - emBits;
	        var mask = 255 ^ (255 >> 8 - bits << 8 - bits);
	        maskedDB[0] = maskedDB[0] & mask;

	        var EM = Buffer.alloc(maskedDB.length + H.length + 1);
	        maskedDB.copy(EM, 0);
	        H.copy(EM, maskedDB.length);
	        EM[EM.length - 1] = 0xbc;

	        return EM;
	    };

	    /*
	     * https://tools.ietf.org/html/rfc3447#section-9.1.2
	     *
	     * mHash	[Buffer]	Hashed message
	     * EM		[Buffer]	Signature
	     * emBits	[uint]		Length of EM in bits. Must be at least 8hLen + 8sLen + 9 to be a valid signature. (hLen = Hash digest length in bytes | sLen = length of salt in bytes)
	     * @returns {Boolean} True if signature(EM) matches message(M)
	     */
	    Scheme.prototype.emsa_pss_verify = function (mHash, EM, emBits) {
	        var hash = this.options.signingSchemeOptions.hash || DEFAULT_HASH_FUNCTION;
	        var mgf = this.options.signingSchemeOptions.mgf || OAEP.eme_oaep_mgf1;
	        var sLen = this.options.signingSchemeOptions.saltLength || DEFAULT_SALT_LENGTH;

	        var hLen = OAEP.digestLength[hash];
	        var emLen = Math.ceil(emBits / 8);

	        if (emLen < hLen + sLen + 2 || EM[EM.length - 1] != 0xbc) {
	            return false;
	        }

	        var DB = Buffer.alloc(emLen - hLen - 1);
	        EM.copy(DB, 0, 0, emLen - hLen - 1);

	        var mask = 0;
	        for (var i = 0, bits = 8 * emLen - emBits; i < bits; i++) {
	            mask |= 1 << (7 - i);
	        }

	        if ((DB[0] & mask) !== 0) {
	            return false;
	        }

	        var H = EM.slice(emLen - hLen - 1, emLen - 1);
	        var dbMask = mgf(H, DB.length, hash);

	        // Unmask DB
	        for (i = 0; i < DB.length; i++) {
	            DB[i] ^= dbMask[i];
	        }

	        bits = 8 * emLen - emBits;
	        mask = 255 ^ (255 >> 8 - bits << 8 - bits);
	        DB[0] = DB[0] & mask;

	        // Filter out padding
	        for (i = 0; DB[i] === 0 && i < DB.length; i++);
	        if (DB[i] != 1) {
	            return false;
	        }

	        var salt = DB.slice(DB.length - sLen);

	        var Mapostrophe = Buffer.alloc(8 + hLen + sLen);
	        Mapostrophe.fill(0, 0, 8);
	        mHash.copy(Mapostrophe, 8);
	        salt.copy(Mapostrophe, 8 + mHash.length);

	        var Hapostrophe = crypt.createHash(hash);
	        Hapostrophe.update(Mapostrophe);
	        Hapostrophe = Hapostrophe.digest();

	        return H.toString("hex") === Hapostrophe.toString("hex");
	    };

	    return new Scheme(key, options);
	};
	return pss.exports;
}

var hasRequiredSchemes;

function requireSchemes () {
	if (hasRequiredSchemes) return schemes.exports;
	hasRequiredSchemes = 1;
	(function (module) {
		module.exports = {
		    pkcs1: requirePkcs1$1(),
		    pkcs1_oaep: requireOaep(),
		    pss: requirePss(),

		    /**
		     * Check if scheme has padding methods
		     * @param scheme {string}
		     * @returns {Boolean}
		     */
		    isEncryption: function (scheme) {
		        return module.exports[scheme] && module.exports[scheme].isEncryption;
		    },

		    /**
		     * Check if scheme has sign/verify methods
		     * @param scheme {string}
		     * @returns {Boolean}
		     */
		    isSignature: function (scheme) {
		        return module.exports[scheme] && module.exports[scheme].isSignature;
		    }
		}; 
	} (schemes));
	return schemes.exports;
}

var js;
var hasRequiredJs;

function requireJs () {
	if (hasRequiredJs) return js;
	hasRequiredJs = 1;
	var BigInteger = requireJsbn();
	var schemes = requireSchemes();

	js = function (keyPair, options) {
	    var pkcs1Scheme = schemes.pkcs1.makeScheme(keyPair, options);

	    return {
	        encrypt: function (buffer, usePrivate) {
	            var m, c;
	            if (usePrivate) {
	                /* Type 1: zeros padding for private key encrypt */
	                m = new BigInteger(pkcs1Scheme.encPad(buffer, {type: 1}));
	                c = keyPair.$doPrivate(m);
	            } else {
	                m = new BigInteger(keyPair.encryptionScheme.encPad(buffer));
	                c = keyPair.$doPublic(m);
	            }
	            return c.toBuffer(keyPair.encryptedDataLength);
	        },

	        decrypt: function (buffer, usePublic) {
	            var m, c = new BigInteger(buffer);

	            if (usePublic) {
	                m = keyPair.$doPublic(c);
	                /* Type 1: zeros padding for private key decrypt */
	                return pkcs1Scheme.encUnPad(m.toBuffer(keyPair.encryptedDataLength), {type: 1});
	            } else {
	                m = keyPair.$doPrivate(c);
	                return keyPair.encryptionScheme.encUnPad(m.toBuffer(keyPair.encryptedDataLength));
	            }
	        }
	    };
	};
	return js;
}

var io;
var hasRequiredIo;

function requireIo () {
	if (hasRequiredIo) return io;
	hasRequiredIo = 1;
	var crypto = require$$0;
	var constants = require$$1;
	var schemes = requireSchemes();

	io = function (keyPair, options) {
	    var pkcs1Scheme = schemes.pkcs1.makeScheme(keyPair, options);

	    return {
	        encrypt: function (buffer, usePrivate) {
	            var padding;
	            if (usePrivate) {
	                padding = constants.RSA_PKCS1_PADDING;
	                if (options.encryptionSchemeOptions && options.encryptionSchemeOptions.padding) {
	                    padding = options.encryptionSchemeOptions.padding;
	                }
	                return crypto.privateEncrypt({
	                    key: options.rsaUtils.exportKey('private'),
	                    padding: padding
	                }, buffer);
	            } else {
	                padding = constants.RSA_PKCS1_OAEP_PADDING;
	                if (options.encryptionScheme === 'pkcs1') {
	                    padding = constants.RSA_PKCS1_PADDING;
	                }
	                if (options.encryptionSchemeOptions && options.encryptionSchemeOptions.padding) {
	                    padding = options.encryptionSchemeOptions.padding;
	                }

	                var data = buffer;
	                if (padding === constants.RSA_NO_PADDING) {
	                    data = pkcs1Scheme.pkcs0pad(buffer);
	                }

	                return crypto.publicEncrypt({
	                    key: options.rsaUtils.exportKey('public'),
	                    padding: padding
	                }, data);
	            }
	        },

	        decrypt: function (buffer, usePublic) {
	            var padding;
	            if (usePublic) {
	                padding = constants.RSA_PKCS1_PADDING;
	                if (options.encryptionSchemeOptions && options.encryptionSchemeOptions.padding) {
	                    padding = options.encryptionSchemeOptions.padding;
	                }
	                return crypto.publicDecrypt({
	                    key: options.rsaUtils.exportKey('public'),
	                    padding: padding
	                }, buffer);
	            } else {
	                padding = constants.RSA_PKCS1_OAEP_PADDING;
	                if (options.encryptionScheme === 'pkcs1') {
	                    padding = constants.RSA_PKCS1_PADDING;
	                }
	                if (options.encryptionSchemeOptions && options.encryptionSchemeOptions.padding) {
	                    padding = options.encryptionSchemeOptions.padding;
	                }
	                var res = crypto.privateDecrypt({
	                    key: options.rsaUtils.exportKey('private'),
	                    padding: padding
	                }, buffer);

	                if (padding === constants.RSA_NO_PADDING) {
	                    return pkcs1Scheme.pkcs0unpad(res);
	                }
	                return res;
	            }
	        }
	    };
	};
	return io;
}

var node12;
var hasRequiredNode12;

function requireNode12 () {
	if (hasRequiredNode12) return node12;
	hasRequiredNode12 = 1;
	var crypto = require$$0;
	var constants = require$$1;
	var schemes = requireSchemes();

	node12 = function (keyPair, options) {
	    var jsEngine = requireJs()(keyPair, options);
	    var pkcs1Scheme = schemes.pkcs1.makeScheme(keyPair, options);

	    return {
	        encrypt: function (buffer, usePrivate) {
	            if (usePrivate) {
	                return jsEngine.encrypt(buffer, usePrivate);
	            }
	            var padding = constants.RSA_PKCS1_OAEP_PADDING;
	            if (options.encryptionScheme === 'pkcs1') {
	                padding = constants.RSA_PKCS1_PADDING;
	            }
	            if (options.encryptionSchemeOptions && options.encryptionSchemeOptions.padding) {
	                padding = options.encryptionSchemeOptions.padding;
	            }

	            var data = buffer;
	            if (padding === constants.RSA_NO_PADDING) {
	                data = pkcs1Scheme.pkcs0pad(buffer);
	            }

	            return crypto.publicEncrypt({
	                key: options.rsaUtils.exportKey('public'),
	                padding: padding
	            }, data);
	        },

	        decrypt: function (buffer, usePublic) {
	            if (usePublic) {
	                return jsEngine.decrypt(buffer, usePublic);
	            }
	            var padding = constants.RSA_PKCS1_OAEP_PADDING;
	            if (options.encryptionScheme === 'pkcs1') {
	                padding = constants.RSA_PKCS1_PADDING;
	            }
	            if (options.encryptionSchemeOptions && options.encryptionSchemeOptions.padding) {
	                padding = options.encryptionSchemeOptions.padding;
	            }

	            var res = crypto.privateDecrypt({
	                key: options.rsaUtils.exportKey('private'),
	                padding: padding
	            }, buffer);

	            if (padding === constants.RSA_NO_PADDING) {
	                return pkcs1Scheme.pkcs0unpad(res);
	            }
	            return res;
	        }
	    };
	};
	return node12;
}

var encryptEngines;
var hasRequiredEncryptEngines;

function requireEncryptEngines () {
	if (hasRequiredEncryptEngines) return encryptEngines;
	hasRequiredEncryptEngines = 1;
	var crypt = require$$0;

	encryptEngines = {
	    getEngine: function (keyPair, options) {
	        var engine = requireJs();
	        if (options.environment === 'node') {
	            if (typeof crypt.publicEncrypt === 'function' && typeof crypt.privateDecrypt === 'function') {
	                if (typeof crypt.privateEncrypt === 'function' && typeof crypt.publicDecrypt === 'function') {
	                    engine = requireIo();
	                } else {
	                    engine = requireNode12();
	                }
	            }
	        }
	        return engine(keyPair, options);
	    }
	};
	return encryptEngines;
}

/*
 * RSA Encryption / Decryption with PKCS1 v2 Padding.
 * 
 * Copyright (c) 2003-2005  Tom Wu
 * All Rights Reserved.
 *
 * Permission is hereby granted, free of charge, to any person obtaining
 * a copy of this software and associated documentation files (the
 * "Software"), to deal in the Software without restriction, including
 * without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to
 * permit persons to whom the Software is furnished to do so, subject to
 * the following conditions:
 *
 * The above copyright notice and this permission notice shall be
 * included in all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS-IS" AND WITHOUT WARRANTY OF ANY KIND, 
 * EXPRESS, IMPLIED OR OTHERWISE, INCLUDING WITHOUT LIMITATION, ANY 
 * WARRANTY OF MERCHANTABILITY OR FITNESS FOR A PARTICULAR PURPOSE.  
 *
 * IN NO EVENT SHALL TOM WU BE LIABLE FOR ANY SPECIAL, INCIDENTAL,
 * INDIRECT OR CONSEQUENTIAL DAMAGES OF ANY KIND, OR ANY DAMAGES WHATSOEVER
 * RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER OR NOT ADVISED OF
 * THE POSSIBILITY OF DAMAGE, AND ON ANY THEORY OF LIABILITY, ARISING OUT
 * OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 *
 * In addition, the following condition applies:
 *
 * All redistributions must retain an intact copy of this copyright notice
 * and disclaimer.
 */

var hasRequiredRsa;

function requireRsa () {
	if (hasRequiredRsa) return rsa;
	hasRequiredRsa = 1;
	/*
	 * Node.js adaptation
	 * long message support implementation
	 * signing/verifying
	 *
	 * 2014 rzcoder
	 */

	var _ = requireUtils()._;
	var BigInteger = requireJsbn();
	var utils = requireUtils();
	var schemes = requireSchemes();
	var encryptEngines = requireEncryptEngines();

	rsa.BigInteger = BigInteger;
	rsa.Key = (function () {
	    /**
	     * RSA key constructor
	     *
	     * n - modulus
	     * e - publicExponent
	     * d - privateExponent
	     * p - prime1
	     * q - prime2
	     * dmp1 - exponent1 -- d mod (p1)
	     * dmq1 - exponent2 -- d mod (q-1)
	     * coeff - coefficient -- (inverse of q) mod p
	     */
	    function RSAKey() {
	        this.n = null;
	        this.e = 0;
	        this.d = null;
	        this.p = null;
	        this.q = null;
	        this.dmp1 = null;
	        this.dmq1 = null;
	        this.coeff = null;
	    }

	    RSAKey.prototype.setOptions = function (options) {
	        var signingSchemeProvider = schemes[options.signingScheme];
	        var encryptionSchemeProvider = schemes[options.encryptionScheme];

	        if (signingSchemeProvider === encryptionSchemeProvider) {
	            this.signingScheme = this.encryptionScheme = encryptionSchemeProvider.makeScheme(this, options);
	        } else {
	            this.encryptionScheme = encryptionSchemeProvider.makeScheme(this, options);
	            this.signingScheme = signingSchemeProvider.makeScheme(this, options);
	        }

	        this.encryptEngine = encryptEngines.getEngine(this, options);
	    };

	    /**
	     * Generate a new random private key B bits long, using public expt E
	     * @param B
	     * @param E
	     */
	    RSAKey.prototype.generate = function (B, E) {
	        var qs = B >> 1;
	        this.e = parseInt(E, 16);
	        var ee = new BigInteger(E, 16);
	        while (true) {
	            while (true) {
	                this.p = new BigInteger(B - qs, 1);
	                if (this.p.subtract(BigInteger.ONE).gcd(ee).compareTo(BigInteger.ONE) === 0 && this.p.isProbablePrime(10))
	                    break;
	            }
	            while (true) {
	                this.q = new BigInteger(qs, 1);
	                if (this.q.subtract(BigInteger.ONE).gcd(ee).compareTo(BigInteger.ONE) === 0 && this.q.isProbablePrime(10))
	                    break;
	            }
	            if (this.p.compareTo(this.q) <= 0) {
	                var t = this.p;
	                this.p = this.q;
	                this.q = t;
	            }
	            var p1 = this.p.subtract(BigInteger.ONE);
	            var q1 = this.q.subtract(BigInteger.ONE);
	            var phi = p1.multiply(q1);
	            if (phi.gcd(ee).compareTo(BigInteger.ONE) === 0) {
	                this.n = this.p.multiply(this.q);
	                if (this.n.bitLength() < B) {
	                    continue;
	                }
	                this.d = ee.modInverse(phi);
	                this.dmp1 = this.d.mod(p1);
	                this.dmq1 = this.d.mod(q1);
	                this.coeff = this.q.modInverse(this.p);
	                break;
	            }
	        }
	        this.$$recalculateCache();
	    };

	    /**
	     * Set the private key fields N, e, d and CRT params from buffers
	     *
	     * @param N
	     * @param E
	     * @param D
	     * @param P
	     * @param Q
	     * @param DP
	     * @param DQ
	     * @param C
	     */
	    RSAKey.prototype.setPrivate = function (N, E, D, P, Q, DP, DQ, C) {
	        if (N && E && D && N.length > 0 && (_.isNumber(E) || E.length > 0) && D.length > 0) {
	            this.n = new BigInteger(N);
	            this.e = _.isNumber(E) ? E : utils.get32IntFromBuffer(E, 0);
	            this.d = new BigInteger(D);

	            if (P && Q && DP && DQ && C) {
	                this.p = new BigInteger(P);
	                this.q = new BigInteger(Q);
	                this.dmp1 = new BigInteger(DP);
	                this.dmq1 = new BigInteger(DQ);
	                this.coeff = new BigInteger(C);
	            }
	            this.$$recalculateCache();
	        } else {
	            throw Error("Invalid RSA private key");
	        }
	    };

	    /**
	     * Set the public key fields N and e from hex strings
	     * @param N
	     * @param E
	     */
	    RSAKey.prototype.setPublic = function (N, E) {
	        if (N && E && N.length > 0 && (_.isNumber(E) || E.length > 0)) {
	            this.n = new BigInteger(N);
	            this.e = _.isNumber(E) ? E : utils.get32IntFromBuffer(E, 0);
	            this.$$recalculateCache();
	        } else {
	            throw Error("Invalid RSA public key");
	        }
	    };

	    /**
	     * private
	     * Perform raw private operation on "x": return x^d (mod n)
	     *
	     * @param x
	     * @returns {*}
	     */
	    RSAKey.prototype.$doPrivate = function (x) {
	        if (this.p || this.q) {
	            return x.modPow(this.d, this.n);
	        }

	        // TODO: re-calculate any missing CRT params
	        var xp = x.mod(this.p).modPow(this.dmp1, this.p);
	        var xq = x.mod(this.q).modPow(this.dmq1, this.q);

	        while (xp.compareTo(xq) < 0) {
	            xp = xp.add(this.p);
	        }
	        return xp.subtract(xq).multiply(this.coeff).mod(this.p).multiply(this.q).add(xq);
	    };

	    /**
	     * private
	     * Perform raw public operation on "x": return x^e (mod n)
	     *
	     * @param x
	     * @returns {*}
	     */
	    RSAKey.prototype.$doPublic = function (x) {
	        return x.modPowInt(this.e, this.n);
	    };

	    /**
	     * Return the PKCS#1 RSA encryption of buffer
	     * @param buffer {Buffer}
	     * @returns {Buffer}
	     */
	    RSAKey.prototype.encrypt = function (buffer, usePrivate) {
	        var buffers = [];
	        var results = [];
	        var bufferSize = buffer.length;
	        var buffersCount = Math.ceil(bufferSize / this.maxMessageLength) || 1; // total buffers count for encrypt
	        var dividedSize = Math.ceil(bufferSize / buffersCount || 1); // each buffer size

	        if (buffersCount == 1) {
	            buffers.push(buffer);
	        } else {
	            for (var bufNum = 0; bufNum < buffersCount; bufNum++) {
	                buffers.push(buffer.slice(bufNum * dividedSize, (bufNum + 1) * dividedSize));
	            }
	        }

	        for (var i = 0; i < buffers.length; i++) {
	            results.push(this.encryptEngine.encrypt(buffers[i], usePrivate));
	        }

	        return Buffer.concat(results);
	    };

	    /**
	     * Return the PKCS#1 RSA decryption of buffer
	     * @param buffer {Buffer}
	     * @returns {Buffer}
	     */
	    RSAKey.prototype.decrypt = function (buffer, usePublic) {
	        if (buffer.length % this.encryptedDataLength > 0) {
	            throw Error('Incorrect data or key');
	        }

	        var result = [];
	        var offset = 0;
	        var length = 0;
	        var buffersCount = buffer.length / this.encryptedDataLength;

	        for (var i = 0; i < buffersCount; i++) {
	            offset = i * this.encryptedDataLength;
	            length = offset + this.encryptedDataLength;
	            result.push(this.encryptEngine.decrypt(buffer.slice(offset, Math.min(length, buffer.length)), usePublic));
	        }

	        return Buffer.concat(result);
	    };

	    RSAKey.prototype.sign = function (buffer) {
	        return this.signingScheme.sign.apply(this.signingScheme, arguments);
	    };

	    RSAKey.prototype.verify = function (buffer, signature, signature_encoding) {
	        return this.signingScheme.verify.apply(this.signingScheme, arguments);
	    };

	    /**
	     * Check if key pair contains private key
	     */
	    RSAKey.prototype.isPrivate = function () {
	        return this.n && this.e && this.d && true || false;
	    };

	    /**
	     * Check if key pair contains public key
	     * @param strict {boolean} - public key only, return false if have private exponent
	     */
	    RSAKey.prototype.isPublic = function (strict) {
	        return this.n && this.e && !(strict && this.d) || false;
	    };

	    Object.defineProperty(RSAKey.prototype, 'keySize', {
	        get: function () {
	            return this.cache.keyBitLength;
	        }
	    });

	    Object.defineProperty(RSAKey.prototype, 'encryptedDataLength', {
	        get: function () {
	            return this.cache.keyByteLength;
	        }
	    });

	    Object.defineProperty(RSAKey.prototype, 'maxMessageLength', {
	        get: function () {
	            return this.encryptionScheme.maxMessageLength();
	        }
	    });

	    /**
	     * Caching key data
	     */
	    RSAKey.prototype.$$recalculateCache = function () {
	        this.cache = this.cache || {};
	        // Bit & byte length
	        this.cache.keyBitLength = this.n.bitLength();
	        this.cache.keyByteLength = (this.cache.keyBitLength + 6) >> 3;
	    };

	    return RSAKey;
	})();
	return rsa;
}

var ber = {exports: {}};

var errors;
var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors;
	hasRequiredErrors = 1;
	// Copyright 2011 Mark Cavage <mcavage@gmail.com> All rights reserved.


	errors = {

	  newInvalidAsn1Error: function (msg) {
	    var e = new Error();
	    e.name = 'InvalidAsn1Error';
	    e.message = msg || '';
	    return e;
	  }

	};
	return errors;
}

var types;
var hasRequiredTypes;

function requireTypes () {
	if (hasRequiredTypes) return types;
	hasRequiredTypes = 1;
	// Copyright 2011 Mark Cavage <mcavage@gmail.com> All rights reserved.


	types = {
	  EOC: 0,
	  Boolean: 1,
	  Integer: 2,
	  BitString: 3,
	  OctetString: 4,
	  Null: 5,
	  OID: 6,
	  ObjectDescriptor: 7,
	  External: 8,
	  Real: 9, // float
	  Enumeration: 10,
	  PDV: 11,
	  Utf8String: 12,
	  RelativeOID: 13,
	  Sequence: 16,
	  Set: 17,
	  NumericString: 18,
	  PrintableString: 19,
	  T61String: 20,
	  VideotexString: 21,
	  IA5String: 22,
	  UTCTime: 23,
	  GeneralizedTime: 24,
	  GraphicString: 25,
	  VisibleString: 26,
	  GeneralString: 28,
	  UniversalString: 29,
	  CharacterString: 30,
	  BMPString: 31,
	  Constructor: 32,
	  Context: 128
	};
	return types;
}

/* eslint-disable node/no-deprecated-api */

var safer_1;
var hasRequiredSafer;

function requireSafer () {
	if (hasRequiredSafer) return safer_1;
	hasRequiredSafer = 1;

	var buffer = require$$0$1;
	var Buffer = buffer.Buffer;

	var safer = {};

	var key;

	for (key in buffer) {
	  if (!buffer.hasOwnProperty(key)) continue
	  if (key === 'SlowBuffer' || key === 'Buffer') continue
	  safer[key] = buffer[key];
	}

	var Safer = safer.Buffer = {};
	for (key in Buffer) {
	  if (!Buffer.hasOwnProperty(key)) continue
	  if (key === 'allocUnsafe' || key === 'allocUnsafeSlow') continue
	  Safer[key] = Buffer[key];
	}

	safer.Buffer.prototype = Buffer.prototype;

	if (!Safer.from || Safer.from === Uint8Array.from) {
	  Safer.from = function (value, encodingOrOffset, length) {
	    if (typeof value === 'number') {
	      throw new TypeError('The "value" argument must not be of type number. Received type ' + typeof value)
	    }
	    if (value && typeof value.length === 'undefined') {
	      throw new TypeError('The first argument must be one of type string, Buffer, ArrayBuffer, Array, or Array-like Object. Received type ' + typeof value)
	    }
	    return Buffer(value, encodingOrOffset, length)
	  };
	}

	if (!Safer.alloc) {
	  Safer.alloc = function (size, fill, encoding) {
	    if (typeof size !== 'number') {
	      throw new TypeError('The "size" argument must be of type number. Received type ' + typeof size)
	    }
	    if (size < 0 || size >= 2 * (1 << 30)) {
	      throw new RangeError('The value "' + size + '" is invalid for option "size"')
	    }
	    var buf = Buffer(size);
	    if (!fill || fill.length === 0) {
	      buf.fill(0);
	    } else if (typeof encoding === 'string') {
	      buf.fill(fill, encoding);
	    } else {
	      buf.fill(fill);
	    }
	    return buf
	  };
	}

	if (!safer.kStringMaxLength) {
	  try {
	    safer.kStringMaxLength = process.binding('buffer').kStringMaxLength;
	  } catch (e) {
	    // we can't determine kStringMaxLength in environments where process.binding
	    // is unsupported, so let's not set it
	  }
	}

	if (!safer.constants) {
	  safer.constants = {
	    MAX_LENGTH: safer.kMaxLength
	  };
	  if (safer.kStringMaxLength) {
	    safer.constants.MAX_STRING_LENGTH = safer.kStringMaxLength;
	  }
	}

	safer_1 = safer;
	return safer_1;
}

var reader;
var hasRequiredReader;

function requireReader () {
	if (hasRequiredReader) return reader;
	hasRequiredReader = 1;
	// Copyright 2011 Mark Cavage <mcavage@gmail.com> All rights reserved.

	var assert = require$$0$2;
	var Buffer = requireSafer().Buffer;

	var ASN1 = requireTypes();
	var errors = requireErrors();


	// --- Globals

	var newInvalidAsn1Error = errors.newInvalidAsn1Error;



	// --- API

	function Reader(data) {
	  if (!data || !Buffer.isBuffer(data))
	    throw new TypeError('data must be a node Buffer');

	  this._buf = data;
	  this._size = data.length;

	  // These hold the "current" state
	  this._len = 0;
	  this._offset = 0;
	}

	Object.defineProperty(Reader.prototype, 'length', {
	  enumerable: true,
	  get: function () { return (this._len); }
	});

	Object.defineProperty(Reader.prototype, 'offset', {
	  enumerable: true,
	  get: function () { return (this._offset); }
	});

	Object.defineProperty(Reader.prototype, 'remain', {
	  get: function () { return (this._size - this._offset); }
	});

	Object.defineProperty(Reader.prototype, 'buffer', {
	  get: function () { return (this._buf.slice(this._offset)); }
	});


	/**
	 * Reads a single byte and advances offset; you can pass in `true` to make this
	 * a "peek" operation (i.e., get the byte, but don't advance the offset).
	 *
	 * @param {Boolean} peek true means don't move offset.
	 * @return {Number} the next byte, null if not enough data.
	 */
	Reader.prototype.readByte = function (peek) {
	  if (this._size - this._offset < 1)
	    return null;

	  var b = this._buf[this._offset] & 0xff;

	  if (!peek)
	    this._offset += 1;

	  return b;
	};


	Reader.prototype.peek = function () {
	  return this.readByte(true);
	};


	/**
	 * Reads a (potentially) variable length off the BER buffer.  This call is
	 * not really meant to be called directly, as callers have to manipulate
	 * the internal buffer afterwards.
	 *
	 * As a result of this call, you can call `Reader.length`, until the
	 * next thing called that does a readLength.
	 *
	 * @return {Number} the amount of offset to advance the buffer.
	 * @throws {InvalidAsn1Error} on bad ASN.1
	 */
	Reader.prototype.readLength = function (offset) {
	  if (offset === undefined)
	    offset = this._offset;

	  if (offset >= this._size)
	    return null;

	  var lenB = this._buf[offset++] & 0xff;
	  if (lenB === null)
	    return null;

	  if ((lenB & 0x80) === 0x80) {
	    lenB &= 0x7f;

	    if (lenB === 0)
	      throw newInvalidAsn1Error('Indefinite length not supported');

	    if (lenB > 4)
	      throw newInvalidAsn1Error('encoding too long');

	    if (this._size - offset < lenB)
	      return null;

	    this._len = 0;
	    for (var i = 0; i < lenB; i++)
	      this._len = (this._len << 8) + (this._buf[offset++] & 0xff);

	  } else {
	    // Wasn't a variable length
	    this._len = lenB;
	  }

	  return offset;
	};


	/**
	 * Parses the next sequence in this BER buffer.
	 *
	 * To get the length of the sequence, call `Reader.length`.
	 *
	 * @return {Number} the sequence's tag.
	 */
	Reader.prototype.readSequence = function (tag) {
	  var seq = this.peek();
	  if (seq === null)
	    return null;
	  if (tag !== undefined && tag !== seq)
	    throw newInvalidAsn1Error('Expected 0x' + tag.toString(16) +
	                              ': got 0x' + seq.toString(16));

	  var o = this.readLength(this._offset + 1); // stored in `length`
	  if (o === null)
	    return null;

	  this._offset = o;
	  return seq;
	};


	Reader.prototype.readInt = function () {
	  return this._readTag(ASN1.Integer);
	};


	Reader.prototype.readBoolean = function () {
	  return (this._readTag(ASN1.Boolean) === 0 ? false : true);
	};


	Reader.prototype.readEnumeration = function () {
	  return this._readTag(ASN1.Enumeration);
	};


	Reader.prototype.readString = function (tag, retbuf) {
	  if (!tag)
	    tag = ASN1.OctetString;

	  var b = this.peek();
	  if (b === null)
	    return null;

	  if (b !== tag)
	    throw newInvalidAsn1Error('Expected 0x' + tag.toString(16) +
	                              ': got 0x' + b.toString(16));

	  var o = this.readLength(this._offset + 1); // stored in `length`

	  if (o === null)
	    return null;

	  if (this.length > this._size - o)
	    return null;

	  this._offset = o;

	  if (this.length === 0)
	    return retbuf ? Buffer.alloc(0) : '';

	  var str = this._buf.slice(this._offset, this._offset + this.length);
	  this._offset += this.length;

	  return retbuf ? str : str.toString('utf8');
	};

	Reader.prototype.readOID = function (tag) {
	  if (!tag)
	    tag = ASN1.OID;

	  var b = this.readString(tag, true);
	  if (b === null)
	    return null;

	  var values = [];
	  var value = 0;

	  for (var i = 0; i < b.length; i++) {
	    var byte = b[i] & 0xff;

	    value <<= 7;
	    value += byte & 0x7f;
	    if ((byte & 0x80) === 0) {
	      values.push(value);
	      value = 0;
	    }
	  }

	  value = values.shift();
	  values.unshift(value % 40);
	  values.unshift((value / 40) >> 0);

	  return values.join('.');
	};


	Reader.prototype._readTag = function (tag) {
	  assert.ok(tag !== undefined);

	  var b = this.peek();

	  if (b === null)
	    return null;

	  if (b !== tag)
	    throw newInvalidAsn1Error('Expected 0x' + tag.toString(16) +
	                              ': got 0x' + b.toString(16));

	  var o = this.readLength(this._offset + 1); // stored in `length`
	  if (o === null)
	    return null;

	  if (this.length > 4)
	    throw newInvalidAsn1Error('Integer too long: ' + this.length);

	  if (this.length > this._size - o)
	    return null;
	  this._offset = o;

	  var fb = this._buf[this._offset];
	  var value = 0;

	  for (var i = 0; i < this.length; i++) {
	    value <<= 8;
	    value |= (this._buf[this._offset++] & 0xff);
	  }

	  if ((fb & 0x80) === 0x80 && i !== 4)
	    value -= (1 << (i * 8));

	  return value >> 0;
	};



	// --- Exported API

	reader = Reader;
	return reader;
}

var writer;
var hasRequiredWriter;

function requireWriter () {
	if (hasRequiredWriter) return writer;
	hasRequiredWriter = 1;
	// Copyright 2011 Mark Cavage <mcavage@gmail.com> All rights reserved.

	var assert = require$$0$2;
	var Buffer = requireSafer().Buffer;
	var ASN1 = requireTypes();
	var errors = requireErrors();


	// --- Globals

	var newInvalidAsn1Error = errors.newInvalidAsn1Error;

	var DEFAULT_OPTS = {
	  size: 1024,
	  growthFactor: 8
	};


	// --- Helpers

	function merge(from, to) {
	  assert.ok(from);
	  assert.equal(typeof (from), 'object');
	  assert.ok(to);
	  assert.equal(typeof (to), 'object');

	  var keys = Object.getOwnPropertyNames(from);
	  keys.forEach(function (key) {
	    if (to[key])
	      return;

	    var value = Object.getOwnPropertyDescriptor(from, key);
	    Object.defineProperty(to, key, value);
	  });

	  return to;
	}



	// --- API

	function Writer(options) {
	  options = merge(DEFAULT_OPTS, options || {});

	  this._buf = Buffer.alloc(options.size || 1024);
	  this._size = this._buf.length;
	  this._offset = 0;
	  this._options = options;

	  // A list of offsets in the buffer where we need to insert
	  // sequence tag/len pairs.
	  this._seq = [];
	}

	Object.defineProperty(Writer.prototype, 'buffer', {
	  get: function () {
	    if (this._seq.length)
	      throw newInvalidAsn1Error(this._seq.length + ' unended sequence(s)');

	    return (this._buf.slice(0, this._offset));
	  }
	});

	Writer.prototype.writeByte = function (b) {
	  if (typeof (b) !== 'number')
	    throw new TypeError('argument must be a Number');

	  this._ensure(1);
	  this._buf[this._offset++] = b;
	};


	Writer.prototype.writeInt = function (i, tag) {
	  if (typeof (i) !== 'number')
	    throw new TypeError('argument must be a Number');
	  if (typeof (tag) !== 'number')
	    tag = ASN1.Integer;

	  var sz = 4;

	  while ((((i & 0xff800000) === 0) || ((i & 0xff800000) === 0xff800000 >> 0)) &&
	        (sz > 1)) {
	    sz--;
	    i <<= 8;
	  }

	  if (sz > 4)
	    throw newInvalidAsn1Error('BER ints cannot be > 0xffffffff');

	  this._ensure(2 + sz);
	  this._buf[this._offset++] = tag;
	  this._buf[this._offset++] = sz;

	  while (sz-- > 0) {
	    this._buf[this._offset++] = ((i & 0xff000000) >>> 24);
	    i <<= 8;
	  }

	};


	Writer.prototype.writeNull = function () {
	  this.writeByte(ASN1.Null);
	  this.writeByte(0x00);
	};


	Writer.prototype.writeEnumeration = function (i, tag) {
	  if (typeof (i) !== 'number')
	    throw new TypeError('argument must be a Number');
	  if (typeof (tag) !== 'number')
	    tag = ASN1.Enumeration;

	  return this.writeInt(i, tag);
	};


	Writer.prototype.writeBoolean = function (b, tag) {
	  if (typeof (b) !== 'boolean')
	    throw new TypeError('argument must be a Boolean');
	  if (typeof (tag) !== 'number')
	    tag = ASN1.Boolean;

	  this._ensure(3);
	  this._buf[this._offset++] = tag;
	  this._buf[this._offset++] = 0x01;
	  this._buf[this._offset++] = b ? 0xff : 0x00;
	};


	Writer.prototype.writeString = function (s, tag) {
	  if (typeof (s) !== 'string')
	    throw new TypeError('argument must be a string (was: ' + typeof (s) + ')');
	  if (typeof (tag) !== 'number')
	    tag = ASN1.OctetString;

	  var len = Buffer.byteLength(s);
	  this.writeByte(tag);
	  this.writeLength(len);
	  if (len) {
	    this._ensure(len);
	    this._buf.write(s, this._offset);
	    this._offset += len;
	  }
	};


	Writer.prototype.writeBuffer = function (buf, tag) {
	  if (typeof (tag) !== 'number')
	    throw new TypeError('tag must be a number');
	  if (!Buffer.isBuffer(buf))
	    throw new TypeError('argument must be a buffer');

	  this.writeByte(tag);
	  this.writeLength(buf.length);
	  this._ensure(buf.length);
	  buf.copy(this._buf, this._offset, 0, buf.length);
	  this._offset += buf.length;
	};


	Writer.prototype.writeStringArray = function (strings) {
	  if ((!strings instanceof Array))
	    throw new TypeError('argument must be an Array[String]');

	  var self = this;
	  strings.forEach(function (s) {
	    self.writeString(s);
	  });
	};

	// This is really to solve DER cases, but whatever for now
	Writer.prototype.writeOID = function (s, tag) {
	  if (typeof (s) !== 'string')
	    throw new TypeError('argument must be a string');
	  if (typeof (tag) !== 'number')
	    tag = ASN1.OID;

	  if (!/^([0-9]+\.){3,}[0-9]+$/.test(s))
	    throw new Error('argument is not a valid OID string');

	  function encodeOctet(bytes, octet) {
	    if (octet < 128) {
	        bytes.push(octet);
	    } else if (octet < 16384) {
	        bytes.push((octet >>> 7) | 0x80);
	        bytes.push(octet & 0x7F);
	    } else if (octet < 2097152) {
	      bytes.push((octet >>> 14) | 0x80);
	      bytes.push(((octet >>> 7) | 0x80) & 0xFF);
	      bytes.push(octet & 0x7F);
	    } else if (octet < 268435456) {
	      bytes.push((octet >>> 21) | 0x80);
	      bytes.push(((octet >>> 14) | 0x80) & 0xFF);
	      bytes.push(((octet >>> 7) | 0x80) & 0xFF);
	      bytes.push(octet & 0x7F);
	    } else {
	      bytes.push(((octet >>> 28) | 0x80) & 0xFF);
	      bytes.push(((octet >>> 21) | 0x80) & 0xFF);
	      bytes.push(((octet >>> 14) | 0x80) & 0xFF);
	      bytes.push(((octet >>> 7) | 0x80) & 0xFF);
	      bytes.push(octet & 0x7F);
	    }
	  }

	  var tmp = s.split('.');
	  var bytes = [];
	  bytes.push(parseInt(tmp[0], 10) * 40 + parseInt(tmp[1], 10));
	  tmp.slice(2).forEach(function (b) {
	    encodeOctet(bytes, parseInt(b, 10));
	  });

	  var self = this;
	  this._ensure(2 + bytes.length);
	  this.writeByte(tag);
	  this.writeLength(bytes.length);
	  bytes.forEach(function (b) {
	    self.writeByte(b);
	  });
	};


	Writer.prototype.writeLength = function (len) {
	  if (typeof (len) !== 'number')
	    throw new TypeError('argument must be a Number');

	  this._ensure(4);

	  if (len <= 0x7f) {
	    this._buf[this._offset++] = len;
	  } else if (len <= 0xff) {
	    this._buf[this._offset++] = 0x81;
	    this._buf[this._offset++] = len;
	  } else if (len <= 0xffff) {
	    this._buf[this._offset++] = 0x82;
	    this._buf[this._offset++] = len >> 8;
	    this._buf[this._offset++] = len;
	  } else if (len <= 0xffffff) {
	    this._buf[this._offset++] = 0x83;
	    this._buf[this._offset++] = len >> 16;
	    this._buf[this._offset++] = len >> 8;
	    this._buf[this._offset++] = len;
	  } else {
	    throw newInvalidAsn1Error('Length too long (> 4 bytes)');
	  }
	};

	Writer.prototype.startSequence = function (tag) {
	  if (typeof (tag) !== 'number')
	    tag = ASN1.Sequence | ASN1.Constructor;

	  this.writeByte(tag);
	  this._seq.push(this._offset);
	  this._ensure(3);
	  this._offset += 3;
	};


	Writer.prototype.endSequence = function () {
	  var seq = this._seq.pop();
	  var start = seq + 3;
	  var len = this._offset - start;

	  if (len <= 0x7f) {
	    this._shift(start, len, -2);
	    this._buf[seq] = len;
	  } else if (len <= 0xff) {
	    this._shift(start, len, -1);
	    this._buf[seq] = 0x81;
	    this._buf[seq + 1] = len;
	  } else if (len <= 0xffff) {
	    this._buf[seq] = 0x82;
	    this._buf[seq + 1] = len >> 8;
	    this._buf[seq + 2] = len;
	  } else if (len <= 0xffffff) {
	    this._shift(start, len, 1);
	    this._buf[seq] = 0x83;
	    this._buf[seq + 1] = len >> 16;
	    this._buf[seq + 2] = len >> 8;
	    this._buf[seq + 3] = len;
	  } else {
	    throw newInvalidAsn1Error('Sequence too long');
	  }
	};


	Writer.prototype._shift = function (start, len, shift) {
	  assert.ok(start !== undefined);
	  assert.ok(len !== undefined);
	  assert.ok(shift);

	  this._buf.copy(this._buf, start + shift, start, start + len);
	  this._offset += shift;
	};

	Writer.prototype._ensure = function (len) {
	  assert.ok(len);

	  if (this._size - this._offset < len) {
	    var sz = this._size * this._options.growthFactor;
	    if (sz - this._offset < len)
	      sz += len;

	    var buf = Buffer.alloc(sz);

	    this._buf.copy(buf, 0, 0, this._offset);
	    this._buf = buf;
	    this._size = sz;
	  }
	};



	// --- Exported API

	writer = Writer;
	return writer;
}

var hasRequiredBer;

function requireBer () {
	if (hasRequiredBer) return ber.exports;
	hasRequiredBer = 1;
	(function (module) {
		// Copyright 2011 Mark Cavage <mcavage@gmail.com> All rights reserved.

		var errors = requireErrors();
		var types = requireTypes();

		var Reader = requireReader();
		var Writer = requireWriter();


		// --- Exports

		module.exports = {

		  Reader: Reader,

		  Writer: Writer

		};

		for (var t in types) {
		  if (types.hasOwnProperty(t))
		    module.exports[t] = types[t];
		}
		for (var e in errors) {
		  if (errors.hasOwnProperty(e))
		    module.exports[e] = errors[e];
		} 
	} (ber));
	return ber.exports;
}

var lib$1;
var hasRequiredLib$1;

function requireLib$1 () {
	if (hasRequiredLib$1) return lib$1;
	hasRequiredLib$1 = 1;
	// Copyright 2011 Mark Cavage <mcavage@gmail.com> All rights reserved.

	// If you have no idea what ASN.1 or BER is, see this:
	// ftp://ftp.rsa.com/pub/pkcs/ascii/layman.asc

	var Ber = requireBer();



	// --- Exported API

	lib$1 = {

	  Ber: Ber,

	  BerReader: Ber.Reader,

	  BerWriter: Ber.Writer

	};
	return lib$1;
}

var formats = {exports: {}};

var pkcs1 = {exports: {}};

var hasRequiredPkcs1;

function requirePkcs1 () {
	if (hasRequiredPkcs1) return pkcs1.exports;
	hasRequiredPkcs1 = 1;
	(function (module) {
		var ber = requireLib$1().Ber;
		var _ = requireUtils()._;
		var utils = requireUtils();

		const PRIVATE_OPENING_BOUNDARY = '-----BEGIN RSA PRIVATE KEY-----';
		const PRIVATE_CLOSING_BOUNDARY = '-----END RSA PRIVATE KEY-----';

		const PUBLIC_OPENING_BOUNDARY = '-----BEGIN RSA PUBLIC KEY-----';
		const PUBLIC_CLOSING_BOUNDARY = '-----END RSA PUBLIC KEY-----';

		module.exports = {
		    privateExport: function (key, options) {
		        options = options || {};

		        var n = key.n.toBuffer();
		        var d = key.d.toBuffer();
		        var p = key.p.toBuffer();
		        var q = key.q.toBuffer();
		        var dmp1 = key.dmp1.toBuffer();
		        var dmq1 = key.dmq1.toBuffer();
		        var coeff = key.coeff.toBuffer();

		        var length = n.length + d.length + p.length + q.length + dmp1.length + dmq1.length + coeff.length + 512; // magic
		        var writer = new ber.Writer({size: length});

		        writer.startSequence();
		        writer.writeInt(0);
		        writer.writeBuffer(n, 2);
		        writer.writeInt(key.e);
		        writer.writeBuffer(d, 2);
		        writer.writeBuffer(p, 2);
		        writer.writeBuffer(q, 2);
		        writer.writeBuffer(dmp1, 2);
		        writer.writeBuffer(dmq1, 2);
		        writer.writeBuffer(coeff, 2);
		        writer.endSequence();

		        if (options.type === 'der') {
		            return writer.buffer;
		        } else {
		            return PRIVATE_OPENING_BOUNDARY + '\n' + utils.linebrk(writer.buffer.toString('base64'), 64) + '\n' + PRIVATE_CLOSING_BOUNDARY;
		        }
		    },

		    privateImport: function (key, data, options) {
		        options = options || {};
		        var buffer;

		        if (options.type !== 'der') {
		            if (Buffer.isBuffer(data)) {
		                data = data.toString('utf8');
		            }

		            if (_.isString(data)) {
		                var pem = utils.trimSurroundingText(data, PRIVATE_OPENING_BOUNDARY, PRIVATE_CLOSING_BOUNDARY)
		                    .replace(/\s+|\n\r|\n|\r$/gm, '');
		                buffer = Buffer.from(pem, 'base64');
		            } else {
		                throw Error('Unsupported key format');
		            }
		        } else if (Buffer.isBuffer(data)) {
		            buffer = data;
		        } else {
		            throw Error('Unsupported key format');
		        }

		        var reader = new ber.Reader(buffer);
		        reader.readSequence();
		        reader.readString(2, true); // just zero
		        key.setPrivate(
		            reader.readString(2, true),  // modulus
		            reader.readString(2, true),  // publicExponent
		            reader.readString(2, true),  // privateExponent
		            reader.readString(2, true),  // prime1
		            reader.readString(2, true),  // prime2
		            reader.readString(2, true),  // exponent1 -- d mod (p1)
		            reader.readString(2, true),  // exponent2 -- d mod (q-1)
		            reader.readString(2, true)   // coefficient -- (inverse of q) mod p
		        );
		    },

		    publicExport: function (key, options) {
		        options = options || {};

		        var n = key.n.toBuffer();
		        var length = n.length + 512; // magic

		        var bodyWriter = new ber.Writer({size: length});
		        bodyWriter.startSequence();
		        bodyWriter.writeBuffer(n, 2);
		        bodyWriter.writeInt(key.e);
		        bodyWriter.endSequence();

		        if (options.type === 'der') {
		            return bodyWriter.buffer;
		        } else {
		            return PUBLIC_OPENING_BOUNDARY + '\n' + utils.linebrk(bodyWriter.buffer.toString('base64'), 64) + '\n' + PUBLIC_CLOSING_BOUNDARY;
		        }
		    },

		    publicImport: function (key, data, options) {
		        options = options || {};
		        var buffer;

		        if (options.type !== 'der') {
		            if (Buffer.isBuffer(data)) {
		                data = data.toString('utf8');
		            }

		            if (_.isString(data)) {
		                var pem = utils.trimSurroundingText(data, PUBLIC_OPENING_BOUNDARY, PUBLIC_CLOSING_BOUNDARY)
		                    .replace(/\s+|\n\r|\n|\r$/gm, '');
		                buffer = Buffer.from(pem, 'base64');
		            }
		        } else if (Buffer.isBuffer(data)) {
		            buffer = data;
		        } else {
		            throw Error('Unsupported key format');
		        }

		        var body = new ber.Reader(buffer);
		        body.readSequence();
		        key.setPublic(
		            body.readString(0x02, true), // modulus
		            body.readString(0x02, true)  // publicExponent
		        );
		    },

		    /**
		     * Trying autodetect and import key
		     * @param key
		     * @param data
		     */
		    autoImport: function (key, data) {
		        // [\S\s]* matches zero or more of any character
		        if (/^[\S\s]*-----BEGIN RSA PRIVATE KEY-----\s*(?=(([A-Za-z0-9+/=]+\s*)+))\1-----END RSA PRIVATE KEY-----[\S\s]*$/g.test(data)) {
		            module.exports.privateImport(key, data);
		            return true;
		        }

		        if (/^[\S\s]*-----BEGIN RSA PUBLIC KEY-----\s*(?=(([A-Za-z0-9+/=]+\s*)+))\1-----END RSA PUBLIC KEY-----[\S\s]*$/g.test(data)) {
		            module.exports.publicImport(key, data);
		            return true;
		        }

		        return false;
		    }
		}; 
	} (pkcs1));
	return pkcs1.exports;
}

var pkcs8 = {exports: {}};

var hasRequiredPkcs8;

function requirePkcs8 () {
	if (hasRequiredPkcs8) return pkcs8.exports;
	hasRequiredPkcs8 = 1;
	(function (module) {
		var ber = requireLib$1().Ber;
		var _ = requireUtils()._;
		var PUBLIC_RSA_OID = '1.2.840.113549.1.1.1';
		var utils = requireUtils();

		const PRIVATE_OPENING_BOUNDARY = '-----BEGIN PRIVATE KEY-----';
		const PRIVATE_CLOSING_BOUNDARY = '-----END PRIVATE KEY-----';

		const PUBLIC_OPENING_BOUNDARY = '-----BEGIN PUBLIC KEY-----';
		const PUBLIC_CLOSING_BOUNDARY = '-----END PUBLIC KEY-----';

		module.exports = {
		    privateExport: function (key, options) {
		        options = options || {};

		        var n = key.n.toBuffer();
		        var d = key.d.toBuffer();
		        var p = key.p.toBuffer();
		        var q = key.q.toBuffer();
		        var dmp1 = key.dmp1.toBuffer();
		        var dmq1 = key.dmq1.toBuffer();
		        var coeff = key.coeff.toBuffer();

		        var length = n.length + d.length + p.length + q.length + dmp1.length + dmq1.length + coeff.length + 512; // magic
		        var bodyWriter = new ber.Writer({size: length});

		        bodyWriter.startSequence();
		        bodyWriter.writeInt(0);
		        bodyWriter.writeBuffer(n, 2);
		        bodyWriter.writeInt(key.e);
		        bodyWriter.writeBuffer(d, 2);
		        bodyWriter.writeBuffer(p, 2);
		        bodyWriter.writeBuffer(q, 2);
		        bodyWriter.writeBuffer(dmp1, 2);
		        bodyWriter.writeBuffer(dmq1, 2);
		        bodyWriter.writeBuffer(coeff, 2);
		        bodyWriter.endSequence();

		        var writer = new ber.Writer({size: length});
		        writer.startSequence();
		        writer.writeInt(0);
		        writer.startSequence();
		        writer.writeOID(PUBLIC_RSA_OID);
		        writer.writeNull();
		        writer.endSequence();
		        writer.writeBuffer(bodyWriter.buffer, 4);
		        writer.endSequence();

		        if (options.type === 'der') {
		            return writer.buffer;
		        } else {
		            return PRIVATE_OPENING_BOUNDARY + '\n' + utils.linebrk(writer.buffer.toString('base64'), 64) + '\n' + PRIVATE_CLOSING_BOUNDARY;
		        }
		    },

		    privateImport: function (key, data, options) {
		        options = options || {};
		        var buffer;

		        if (options.type !== 'der') {
		            if (Buffer.isBuffer(data)) {
		                data = data.toString('utf8');
		            }

		            if (_.isString(data)) {
		                var pem = utils.trimSurroundingText(data, PRIVATE_OPENING_BOUNDARY, PRIVATE_CLOSING_BOUNDARY)
		                    .replace('-----END PRIVATE KEY-----', '')
		                    .replace(/\s+|\n\r|\n|\r$/gm, '');
		                buffer = Buffer.from(pem, 'base64');
		            } else {
		                throw Error('Unsupported key format');
		            }
		        } else if (Buffer.isBuffer(data)) {
		            buffer = data;
		        } else {
		            throw Error('Unsupported key format');
		        }

		        var reader = new ber.Reader(buffer);
		        reader.readSequence();
		        reader.readInt(0);
		        var header = new ber.Reader(reader.readString(0x30, true));

		        if (header.readOID(0x06, true) !== PUBLIC_RSA_OID) {
		            throw Error('Invalid Public key format');
		        }

		        var body = new ber.Reader(reader.readString(0x04, true));
		        body.readSequence();
		        body.readString(2, true); // just zero
		        key.setPrivate(
		            body.readString(2, true),  // modulus
		            body.readString(2, true),  // publicExponent
		            body.readString(2, true),  // privateExponent
		            body.readString(2, true),  // prime1
		            body.readString(2, true),  // prime2
		            body.readString(2, true),  // exponent1 -- d mod (p1)
		            body.readString(2, true),  // exponent2 -- d mod (q-1)
		            body.readString(2, true)   // coefficient -- (inverse of q) mod p
		        );
		    },

		    publicExport: function (key, options) {
		        options = options || {};

		        var n = key.n.toBuffer();
		        var length = n.length + 512; // magic

		        var bodyWriter = new ber.Writer({size: length});
		        bodyWriter.writeByte(0);
		        bodyWriter.startSequence();
		        bodyWriter.writeBuffer(n, 2);
		        bodyWriter.writeInt(key.e);
		        bodyWriter.endSequence();

		        var writer = new ber.Writer({size: length});
		        writer.startSequence();
		        writer.startSequence();
		        writer.writeOID(PUBLIC_RSA_OID);
		        writer.writeNull();
		        writer.endSequence();
		        writer.writeBuffer(bodyWriter.buffer, 3);
		        writer.endSequence();

		        if (options.type === 'der') {
		            return writer.buffer;
		        } else {
		            return PUBLIC_OPENING_BOUNDARY + '\n' + utils.linebrk(writer.buffer.toString('base64'), 64) + '\n' + PUBLIC_CLOSING_BOUNDARY;
		        }
		    },

		    publicImport: function (key, data, options) {
		        options = options || {};
		        var buffer;

		        if (options.type !== 'der') {
		            if (Buffer.isBuffer(data)) {
		                data = data.toString('utf8');
		            }

		            if (_.isString(data)) {
		                var pem = utils.trimSurroundingText(data, PUBLIC_OPENING_BOUNDARY, PUBLIC_CLOSING_BOUNDARY)
		                    .replace(/\s+|\n\r|\n|\r$/gm, '');
		                buffer = Buffer.from(pem, 'base64');
		            }
		        } else if (Buffer.isBuffer(data)) {
		            buffer = data;
		        } else {
		            throw Error('Unsupported key format');
		        }

		        var reader = new ber.Reader(buffer);
		        reader.readSequence();
		        var header = new ber.Reader(reader.readString(0x30, true));

		        if (header.readOID(0x06, true) !== PUBLIC_RSA_OID) {
		            throw Error('Invalid Public key format');
		        }

		        var body = new ber.Reader(reader.readString(0x03, true));
		        body.readByte();
		        body.readSequence();
		        key.setPublic(
		            body.readString(0x02, true), // modulus
		            body.readString(0x02, true)  // publicExponent
		        );
		    },

		    /**
		     * Trying autodetect and import key
		     * @param key
		     * @param data
		     */
		    autoImport: function (key, data) {
		        if (/^[\S\s]*-----BEGIN PRIVATE KEY-----\s*(?=(([A-Za-z0-9+/=]+\s*)+))\1-----END PRIVATE KEY-----[\S\s]*$/g.test(data)) {
		            module.exports.privateImport(key, data);
		            return true;
		        }

		        if (/^[\S\s]*-----BEGIN PUBLIC KEY-----\s*(?=(([A-Za-z0-9+/=]+\s*)+))\1-----END PUBLIC KEY-----[\S\s]*$/g.test(data)) {
		            module.exports.publicImport(key, data);
		            return true;
		        }

		        return false;
		    }
		}; 
	} (pkcs8));
	return pkcs8.exports;
}

var components = {exports: {}};

var hasRequiredComponents;

function requireComponents () {
	if (hasRequiredComponents) return components.exports;
	hasRequiredComponents = 1;
	(function (module) {
		requireUtils()._;
		requireUtils();

		module.exports = {
		    privateExport: function (key, options) {
		        return {
		            n: key.n.toBuffer(),
		            e: key.e,
		            d: key.d.toBuffer(),
		            p: key.p.toBuffer(),
		            q: key.q.toBuffer(),
		            dmp1: key.dmp1.toBuffer(),
		            dmq1: key.dmq1.toBuffer(),
		            coeff: key.coeff.toBuffer()
		        };
		    },

		    privateImport: function (key, data, options) {
		        if (data.n && data.e && data.d && data.p && data.q && data.dmp1 && data.dmq1 && data.coeff) {
		            key.setPrivate(
		                data.n,
		                data.e,
		                data.d,
		                data.p,
		                data.q,
		                data.dmp1,
		                data.dmq1,
		                data.coeff
		            );
		        } else {
		            throw Error("Invalid key data");
		        }
		    },

		    publicExport: function (key, options) {
		        return {
		            n: key.n.toBuffer(),
		            e: key.e
		        };
		    },

		    publicImport: function (key, data, options) {
		        if (data.n && data.e) {
		            key.setPublic(
		                data.n,
		                data.e
		            );
		        } else {
		            throw Error("Invalid key data");
		        }
		    },

		    /**
		     * Trying autodetect and import key
		     * @param key
		     * @param data
		     */
		    autoImport: function (key, data) {
		        if (data.n && data.e) {
		            if (data.d && data.p && data.q && data.dmp1 && data.dmq1 && data.coeff) {
		                module.exports.privateImport(key, data);
		                return true;
		            } else {
		                module.exports.publicImport(key, data);
		                return true;
		            }
		        }

		        return false;
		    }
		}; 
	} (components));
	return components.exports;
}

var openssh = {exports: {}};

var hasRequiredOpenssh;

function requireOpenssh () {
	if (hasRequiredOpenssh) return openssh.exports;
	hasRequiredOpenssh = 1;
	(function (module) {
		var _ = requireUtils()._;
		var utils = requireUtils();
		var BigInteger = requireJsbn();

		const PRIVATE_OPENING_BOUNDARY = "-----BEGIN OPENSSH PRIVATE KEY-----";
		const PRIVATE_CLOSING_BOUNDARY = "-----END OPENSSH PRIVATE KEY-----";

		module.exports = {
		    privateExport: function (key, options) {
		        const nbuf = key.n.toBuffer();

		        let ebuf = Buffer.alloc(4);
		        ebuf.writeUInt32BE(key.e, 0);
		        //Slice leading zeroes
		        while (ebuf[0] === 0) ebuf = ebuf.slice(1);

		        const dbuf = key.d.toBuffer();
		        const coeffbuf = key.coeff.toBuffer();
		        const pbuf = key.p.toBuffer();
		        const qbuf = key.q.toBuffer();
		        let commentbuf;
		        if (typeof key.sshcomment !== "undefined") {
		            commentbuf = Buffer.from(key.sshcomment);
		        } else {
		            commentbuf = Buffer.from([]);
		        }

		        const pubkeyLength =
		            11 + // 32bit length, 'ssh-rsa'
		            4 + ebuf.byteLength +
		            4 + nbuf.byteLength;

		        const privateKeyLength =
		            8 + //64bit unused checksum
		            11 + // 32bit length, 'ssh-rsa'
		            4 + nbuf.byteLength +
		            4 + ebuf.byteLength +
		            4 + dbuf.byteLength +
		            4 + coeffbuf.byteLength +
		            4 + pbuf.byteLength +
		            4 + qbuf.byteLength +
		            4 + commentbuf.byteLength;

		        let length =
		            15 + //openssh-key-v1,0x00,
		            16 + // 2*(32bit length, 'none')
		            4 + // 32bit length, empty string
		            4 + // 32bit number of keys
		            4 + // 32bit pubkey length
		            pubkeyLength +
		            4 + //32bit private+checksum+comment+padding length
		            privateKeyLength;

		        const paddingLength = Math.ceil(privateKeyLength / 8) * 8 - privateKeyLength;
		        length += paddingLength;

		        const buf = Buffer.alloc(length);
		        const writer = {buf: buf, off: 0};
		        buf.write("openssh-key-v1", "utf8");
		        buf.writeUInt8(0, 14);
		        writer.off += 15;

		        writeOpenSSHKeyString(writer, Buffer.from("none"));
		        writeOpenSSHKeyString(writer, Buffer.from("none"));
		        writeOpenSSHKeyString(writer, Buffer.from(""));

		        writer.off = writer.buf.writeUInt32BE(1, writer.off);
		        writer.off = writer.buf.writeUInt32BE(pubkeyLength, writer.off);

		        writeOpenSSHKeyString(writer, Buffer.from("ssh-rsa"));
		        writeOpenSSHKeyString(writer, ebuf);
		        writeOpenSSHKeyString(writer, nbuf);

		        writer.off = writer.buf.writeUInt32BE(
		            length - 47 - pubkeyLength,
		            writer.off
		        );
		        writer.off += 8;

		        writeOpenSSHKeyString(writer, Buffer.from("ssh-rsa"));
		        writeOpenSSHKeyString(writer, nbuf);
		        writeOpenSSHKeyString(writer, ebuf);
		        writeOpenSSHKeyString(writer, dbuf);
		        writeOpenSSHKeyString(writer, coeffbuf);
		        writeOpenSSHKeyString(writer, pbuf);
		        writeOpenSSHKeyString(writer, qbuf);
		        writeOpenSSHKeyString(writer, commentbuf);

		        let pad = 0x01;
		        while (writer.off < length) {
		            writer.off = writer.buf.writeUInt8(pad++, writer.off);
		        }

		        if (options.type === "der") {
		            return writer.buf
		        } else {
		            return PRIVATE_OPENING_BOUNDARY + "\n" + utils.linebrk(buf.toString("base64"), 70) + "\n" + PRIVATE_CLOSING_BOUNDARY + "\n";
		        }
		    },

		    privateImport: function (key, data, options) {
		        options = options || {};
		        var buffer;

		        if (options.type !== "der") {
		            if (Buffer.isBuffer(data)) {
		                data = data.toString("utf8");
		            }

		            if (_.isString(data)) {
		                var pem = utils.trimSurroundingText(data, PRIVATE_OPENING_BOUNDARY, PRIVATE_CLOSING_BOUNDARY)
		                    .replace(/\s+|\n\r|\n|\r$/gm, "");
		                buffer = Buffer.from(pem, "base64");
		            } else {
		                throw Error("Unsupported key format");
		            }
		        } else if (Buffer.isBuffer(data)) {
		            buffer = data;
		        } else {
		            throw Error("Unsupported key format");
		        }

		        const reader = {buf: buffer, off: 0};

		        if (buffer.slice(0, 14).toString("ascii") !== "openssh-key-v1")
		            throw "Invalid file format.";

		        reader.off += 15;

		        //ciphername
		        if (readOpenSSHKeyString(reader).toString("ascii") !== "none")
		            throw Error("Unsupported key type");
		        //kdfname
		        if (readOpenSSHKeyString(reader).toString("ascii") !== "none")
		            throw Error("Unsupported key type");
		        //kdf
		        if (readOpenSSHKeyString(reader).toString("ascii") !== "")
		            throw Error("Unsupported key type");
		        //keynum
		        reader.off += 4;

		        //sshpublength
		        reader.off += 4;

		        //keytype
		        if (readOpenSSHKeyString(reader).toString("ascii") !== "ssh-rsa")
		            throw Error("Unsupported key type");
		        readOpenSSHKeyString(reader);
		        readOpenSSHKeyString(reader);

		        reader.off += 12;
		        if (readOpenSSHKeyString(reader).toString("ascii") !== "ssh-rsa")
		            throw Error("Unsupported key type");

		        const n = readOpenSSHKeyString(reader);
		        const e = readOpenSSHKeyString(reader);
		        const d = readOpenSSHKeyString(reader);
		        const coeff = readOpenSSHKeyString(reader);
		        const p = readOpenSSHKeyString(reader);
		        const q = readOpenSSHKeyString(reader);

		        //Calculate missing values
		        const dint = new BigInteger(d);
		        const qint = new BigInteger(q);
		        const pint = new BigInteger(p);
		        const dp = dint.mod(pint.subtract(BigInteger.ONE));
		        const dq = dint.mod(qint.subtract(BigInteger.ONE));

		        key.setPrivate(
		            n,  // modulus
		            e,  // publicExponent
		            d,  // privateExponent
		            p,  // prime1
		            q,  // prime2
		            dp.toBuffer(),  // exponent1 -- d mod (p1)
		            dq.toBuffer(),  // exponent2 -- d mod (q-1)
		            coeff  // coefficient -- (inverse of q) mod p
		        );

		        key.sshcomment = readOpenSSHKeyString(reader).toString("ascii");
		    },

		    publicExport: function (key, options) {
		        let ebuf = Buffer.alloc(4);
		        ebuf.writeUInt32BE(key.e, 0);
		        //Slice leading zeroes
		        while (ebuf[0] === 0) ebuf = ebuf.slice(1);
		        const nbuf = key.n.toBuffer();
		        const buf = Buffer.alloc(
		            ebuf.byteLength + 4 +
		            nbuf.byteLength + 4 +
		            "ssh-rsa".length + 4
		        );

		        const writer = {buf: buf, off: 0};
		        writeOpenSSHKeyString(writer, Buffer.from("ssh-rsa"));
		        writeOpenSSHKeyString(writer, ebuf);
		        writeOpenSSHKeyString(writer, nbuf);

		        let comment = key.sshcomment || "";

		        if (options.type === "der") {
		            return writer.buf
		        } else {
		            return "ssh-rsa " + buf.toString("base64") + " " + comment + "\n";
		        }
		    },

		    publicImport: function (key, data, options) {
		        options = options || {};
		        var buffer;

		        if (options.type !== "der") {
		            if (Buffer.isBuffer(data)) {
		                data = data.toString("utf8");
		            }

		            if (_.isString(data)) {
		                if (data.substring(0, 8) !== "ssh-rsa ")
		                    throw Error("Unsupported key format");
		                let pemEnd = data.indexOf(" ", 8);

		                //Handle keys with no comment
		                if (pemEnd === -1) {
		                    pemEnd = data.length;
		                } else {
		                    key.sshcomment = data.substring(pemEnd + 1)
		                        .replace(/\s+|\n\r|\n|\r$/gm, "");
		                }

		                const pem = data.substring(8, pemEnd)
		                    .replace(/\s+|\n\r|\n|\r$/gm, "");
		                buffer = Buffer.from(pem, "base64");
		            } else {
		                throw Error("Unsupported key format");
		            }
		        } else if (Buffer.isBuffer(data)) {
		            buffer = data;
		        } else {
		            throw Error("Unsupported key format");
		        }

		        const reader = {buf: buffer, off: 0};

		        const type = readOpenSSHKeyString(reader).toString("ascii");

		        if (type !== "ssh-rsa")
		            throw Error("Invalid key type: " + type);

		        const e = readOpenSSHKeyString(reader);
		        const n = readOpenSSHKeyString(reader);

		        key.setPublic(
		            n,
		            e
		        );
		    },

		    /**
		     * Trying autodetect and import key
		     * @param key
		     * @param data
		     */
		    autoImport: function (key, data) {
		        // [\S\s]* matches zero or more of any character
		        if (/^[\S\s]*-----BEGIN OPENSSH PRIVATE KEY-----\s*(?=(([A-Za-z0-9+/=]+\s*)+))\1-----END OPENSSH PRIVATE KEY-----[\S\s]*$/g.test(data)) {
		            module.exports.privateImport(key, data);
		            return true;
		        }

		        if (/^[\S\s]*ssh-rsa \s*(?=(([A-Za-z0-9+/=]+\s*)+))\1[\S\s]*$/g.test(data)) {
		            module.exports.publicImport(key, data);
		            return true;
		        }

		        return false;
		    }
		};

		function readOpenSSHKeyString(reader) {
		    const len = reader.buf.readInt32BE(reader.off);
		    reader.off += 4;
		    const res = reader.buf.slice(reader.off, reader.off + len);
		    reader.off += len;
		    return res;
		}

		function writeOpenSSHKeyString(writer, data) {
		    writer.buf.writeInt32BE(data.byteLength, writer.off);
		    writer.off += 4;
		    writer.off += data.copy(writer.buf, writer.off);
		} 
	} (openssh));
	return openssh.exports;
}

var hasRequiredFormats;

function requireFormats () {
	if (hasRequiredFormats) return formats.exports;
	hasRequiredFormats = 1;
	(function (module) {
		requireUtils()._;

		function formatParse(format) {
		    format = format.split('-');
		    var keyType = 'private';
		    var keyOpt = {type: 'default'};

		    for (var i = 1; i < format.length; i++) {
		        if (format[i]) {
		            switch (format[i]) {
		                case 'public':
		                    keyType = format[i];
		                    break;
		                case 'private':
		                    keyType = format[i];
		                    break;
		                case 'pem':
		                    keyOpt.type = format[i];
		                    break;
		                case 'der':
		                    keyOpt.type = format[i];
		                    break;
		            }
		        }
		    }

		    return {scheme: format[0], keyType: keyType, keyOpt: keyOpt};
		}

		module.exports = {
		    pkcs1: requirePkcs1(),
		    pkcs8: requirePkcs8(),
		    components: requireComponents(),
		    openssh: requireOpenssh(),

		    isPrivateExport: function (format) {
		        return module.exports[format] && typeof module.exports[format].privateExport === 'function';
		    },

		    isPrivateImport: function (format) {
		        return module.exports[format] && typeof module.exports[format].privateImport === 'function';
		    },

		    isPublicExport: function (format) {
		        return module.exports[format] && typeof module.exports[format].publicExport === 'function';
		    },

		    isPublicImport: function (format) {
		        return module.exports[format] && typeof module.exports[format].publicImport === 'function';
		    },

		    detectAndImport: function (key, data, format) {
		        if (format === undefined) {
		            for (var scheme in module.exports) {
		                if (typeof module.exports[scheme].autoImport === 'function' && module.exports[scheme].autoImport(key, data)) {
		                    return true;
		                }
		            }
		        } else if (format) {
		            var fmt = formatParse(format);

		            if (module.exports[fmt.scheme]) {
		                if (fmt.keyType === 'private') {
		                    module.exports[fmt.scheme].privateImport(key, data, fmt.keyOpt);
		                } else {
		                    module.exports[fmt.scheme].publicImport(key, data, fmt.keyOpt);
		                }
		            } else {
		                throw Error('Unsupported key format');
		            }
		        }

		        return false;
		    },

		    detectAndExport: function (key, format) {
		        if (format) {
		            var fmt = formatParse(format);

		            if (module.exports[fmt.scheme]) {
		                if (fmt.keyType === 'private') {
		                    if (!key.isPrivate()) {
		                        throw Error("This is not private key");
		                    }
		                    return module.exports[fmt.scheme].privateExport(key, fmt.keyOpt);
		                } else {
		                    if (!key.isPublic()) {
		                        throw Error("This is not public key");
		                    }
		                    return module.exports[fmt.scheme].publicExport(key, fmt.keyOpt);
		                }
		            } else {
		                throw Error('Unsupported key format');
		            }
		        }
		    }
		}; 
	} (formats));
	return formats.exports;
}

/*!
 * RSA library for Node.js
 *
 * Author: rzcoder
 * License MIT
 */

var NodeRSA;
var hasRequiredNodeRSA;

function requireNodeRSA () {
	if (hasRequiredNodeRSA) return NodeRSA;
	hasRequiredNodeRSA = 1;
	var constants = require$$1;
	var rsa = requireRsa();
	requireLib$1().Ber;
	var _ = requireUtils()._;
	var utils = requireUtils();
	var schemes = requireSchemes();
	var formats = requireFormats();

	if (typeof constants.RSA_NO_PADDING === "undefined") {
	    //patch for node v0.10.x, constants do not defined
	    constants.RSA_NO_PADDING = 3;
	}

	NodeRSA = (function () {
	    var SUPPORTED_HASH_ALGORITHMS = {
	        node10: ['md4', 'md5', 'ripemd160', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'],
	        node: ['md4', 'md5', 'ripemd160', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'],
	        iojs: ['md4', 'md5', 'ripemd160', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'],
	        browser: ['md5', 'ripemd160', 'sha1', 'sha256', 'sha512']
	    };

	    var DEFAULT_ENCRYPTION_SCHEME = 'pkcs1_oaep';
	    var DEFAULT_SIGNING_SCHEME = 'pkcs1';

	    var DEFAULT_EXPORT_FORMAT = 'private';
	    var EXPORT_FORMAT_ALIASES = {
	        'private': 'pkcs1-private-pem',
	        'private-der': 'pkcs1-private-der',
	        'public': 'pkcs8-public-pem',
	        'public-der': 'pkcs8-public-der',
	    };

	    /**
	     * @param key {string|buffer|object} Key in PEM format, or data for generate key {b: bits, e: exponent}
	     * @constructor
	     */
	    function NodeRSA(key, format, options) {
	        if (!(this instanceof NodeRSA)) {
	            return new NodeRSA(key, format, options);
	        }

	        if (_.isObject(format)) {
	            options = format;
	            format = undefined;
	        }

	        this.$options = {
	            signingScheme: DEFAULT_SIGNING_SCHEME,
	            signingSchemeOptions: {
	                hash: 'sha256',
	                saltLength: null
	            },
	            encryptionScheme: DEFAULT_ENCRYPTION_SCHEME,
	            encryptionSchemeOptions: {
	                hash: 'sha1',
	                label: null
	            },
	            environment: utils.detectEnvironment(),
	            rsaUtils: this
	        };
	        this.keyPair = new rsa.Key();
	        this.$cache = {};

	        if (Buffer.isBuffer(key) || _.isString(key)) {
	            this.importKey(key, format);
	        } else if (_.isObject(key)) {
	            this.generateKeyPair(key.b, key.e);
	        }

	        this.setOptions(options);
	    }

	    /**
	     * Set and validate options for key instance
	     * @param options
	     */
	    NodeRSA.prototype.setOptions = function (options) {
	        options = options || {};
	        if (options.environment) {
	            this.$options.environment = options.environment;
	        }

	        if (options.signingScheme) {
	            if (_.isString(options.signingScheme)) {
	                var signingScheme = options.signingScheme.toLowerCase().split('-');
	                if (signingScheme.length == 1) {
	                    if (SUPPORTED_HASH_ALGORITHMS.node.indexOf(signingScheme[0]) > -1) {
	                        this.$options.signingSchemeOptions = {
	                            hash: signingScheme[0]
	                        };
	                        this.$options.signingScheme = DEFAULT_SIGNING_SCHEME;
	                    } else {
	                        this.$options.signingScheme = signingScheme[0];
	                        this.$options.signingSchemeOptions = {
	                            hash: null
	                        };
	                    }
	                } else {
	                    this.$options.signingSchemeOptions = {
	                        hash: signingScheme[1]
	                    };
	                    this.$options.signingScheme = signingScheme[0];
	                }
	            } else if (_.isObject(options.signingScheme)) {
	                this.$options.signingScheme = options.signingScheme.scheme || DEFAULT_SIGNING_SCHEME;
	                this.$options.signingSchemeOptions = _.omit(options.signingScheme, 'scheme');
	            }

	            if (!schemes.isSignature(this.$options.signingScheme)) {
	                throw Error('Unsupported signing scheme');
	            }

	            if (this.$options.signingSchemeOptions.hash &&
	                SUPPORTED_HASH_ALGORITHMS[this.$options.environment].indexOf(this.$options.signingSchemeOptions.hash) === -1) {
	                throw Error('Unsupported hashing algorithm for ' + this.$options.environment + ' environment');
	            }
	        }

	        if (options.encryptionScheme) {
	            if (_.isString(options.encryptionScheme)) {
	                this.$options.encryptionScheme = options.encryptionScheme.toLowerCase();
	                this.$options.encryptionSchemeOptions = {};
	            } else if (_.isObject(options.encryptionScheme)) {
	                this.$options.encryptionScheme = options.encryptionScheme.scheme || DEFAULT_ENCRYPTION_SCHEME;
	                this.$options.encryptionSchemeOptions = _.omit(options.encryptionScheme, 'scheme');
	            }

	            if (!schemes.isEncryption(this.$options.encryptionScheme)) {
	                throw Error('Unsupported encryption scheme');
	            }

	            if (this.$options.encryptionSchemeOptions.hash &&
	                SUPPORTED_HASH_ALGORITHMS[this.$options.environment].indexOf(this.$options.encryptionSchemeOptions.hash) === -1) {
	                throw Error('Unsupported hashing algorithm for ' + this.$options.environment + ' environment');
	            }
	        }

	        this.keyPair.setOptions(this.$options);
	    };

	    /**
	     * Generate private/public keys pair
	     *
	     * @param bits {int} length key in bits. Default 2048.
	     * @param exp {int} public exponent. Default 65537.
	     * @returns {NodeRSA}
	     */
	    NodeRSA.prototype.generateKeyPair = function (bits, exp) {
	        bits = bits || 2048;
	        exp = exp || 65537;

	        if (bits % 8 !== 0) {
	            throw Error('Key size must be a multiple of 8.');
	        }

	        this.keyPair.generate(bits, exp.toString(16));
	        this.$cache = {};
	        return this;
	    };

	    /**
	     * Importing key
	     * @param keyData {string|buffer|Object}
	     * @param format {string}
	     */
	    NodeRSA.prototype.importKey = function (keyData, format) {
	        if (!keyData) {
	            throw Error("Empty key given");
	        }

	        if (format) {
	            format = EXPORT_FORMAT_ALIASES[format] || format;
	        }

	        if (!formats.detectAndImport(this.keyPair, keyData, format) && format === undefined) {
	            throw Error("Key format must be specified");
	        }
	        
	        this.$cache = {};
	        
	        return this;
	    };

	    /**
	     * Exporting key
	     * @param [format] {string}
	     */
	    NodeRSA.prototype.exportKey = function (format) {
	        format = format || DEFAULT_EXPORT_FORMAT;
	        format = EXPORT_FORMAT_ALIASES[format] || format;

	        if (!this.$cache[format]) {
	            this.$cache[format] = formats.detectAndExport(this.keyPair, format);
	        }

	        return this.$cache[format];
	    };

	    /**
	     * Check if key pair contains private key
	     */
	    NodeRSA.prototype.isPrivate = function () {
	        return this.keyPair.isPrivate();
	    };

	    /**
	     * Check if key pair contains public key
	     * @param [strict] {boolean} - public key only, return false if have private exponent
	     */
	    NodeRSA.prototype.isPublic = function (strict) {
	        return this.keyPair.isPublic(strict);
	    };

	    /**
	     * Check if key pair doesn't contains any data
	     */
	    NodeRSA.prototype.isEmpty = function (strict) {
	        return !(this.keyPair.n || this.keyPair.e || this.keyPair.d);
	    };

	    /**
	     * Encrypting data method with public key
	     *
	     * @param buffer {string|number|object|array|Buffer} - data for encrypting. Object and array will convert to JSON string.
	     * @param encoding {string} - optional. Encoding for output result, may be 'buffer', 'binary', 'hex' or 'base64'. Default 'buffer'.
	     * @param source_encoding {string} - optional. Encoding for given string. Default utf8.
	     * @returns {string|Buffer}
	     */
	    NodeRSA.prototype.encrypt = function (buffer, encoding, source_encoding) {
	        return this.$$encryptKey(false, buffer, encoding, source_encoding);
	    };

	    /**
	     * Decrypting data method with private key
	     *
	     * @param buffer {Buffer} - buffer for decrypting
	     * @param encoding - encoding for result string, can also take 'json' or 'buffer' for the automatic conversion of this type
	     * @returns {Buffer|object|string}
	     */
	    NodeRSA.prototype.decrypt = function (buffer, encoding) {
	        return this.$$decryptKey(false, buffer, encoding);
	    };

	    /**
	     * Encrypting data method with private key
	     *
	     * Parameters same as `encrypt` method
	     */
	    NodeRSA.prototype.encryptPrivate = function (buffer, encoding, source_encoding) {
	        return this.$$encryptKey(true, buffer, encoding, source_encoding);
	    };

	    /**
	     * Decrypting data method with public key
	     *
	     * Parameters same as `decrypt` method
	     */
	    NodeRSA.prototype.decryptPublic = function (buffer, encoding) {
	        return this.$$decryptKey(true, buffer, encoding);
	    };

	    /**
	     * Encrypting data method with custom key
	     */
	    NodeRSA.prototype.$$encryptKey = function (usePrivate, buffer, encoding, source_encoding) {
	        try {
	            var res = this.keyPair.encrypt(this.$getDataForEncrypt(buffer, source_encoding), usePrivate);

	            if (encoding == 'buffer' || !encoding) {
	                return res;
	            } else {
	                return res.toString(encoding);
	            }
	        } catch (e) {
	            throw Error('Error during encryption. Original error: ' + e);
	        }
	    };

	    /**
	     * Decrypting data method with custom key
	     */
	    NodeRSA.prototype.$$decryptKey = function (usePublic, buffer, encoding) {
	        try {
	            buffer = _.isString(buffer) ? Buffer.from(buffer, 'base64') : buffer;
	            var res = this.keyPair.decrypt(buffer, usePublic);

	            if (res === null) {
	                throw Error('Key decrypt method returns null.');
	            }

	            return this.$getDecryptedData(res, encoding);
	        } catch (e) {
	            throw Error('Error during decryption (probably incorrect key). Original error: ' + e);
	        }
	    };

	    /**
	     *  Signing data
	     *
	     * @param buffer {string|number|object|array|Buffer} - data for signing. Object and array will convert to JSON string.
	     * @param encoding {string} - optional. Encoding for output result, may be 'buffer', 'binary', 'hex' or 'base64'. Default 'buffer'.
	     * @param source_encoding {string} - optional. Encoding for given string. Default utf8.
	     * @returns {string|Buffer}
	     */
	    NodeRSA.prototype.sign = function (buffer, encoding, source_encoding) {
	        if (!this.isPrivate()) {
	            throw Error("This is not private key");
	        }

	        var res = this.keyPair.sign(this.$getDataForEncrypt(buffer, source_encoding));

	        if (encoding && encoding != 'buffer') {
	            res = res.toString(encoding);
	        }

	        return res;
	    };

	    /**
	     *  Verifying signed data
	     *
	     * @param buffer - signed data
	     * @param signature
	     * @param source_encoding {string} - optional. Encoding for given string. Default utf8.
	     * @param signature_encoding - optional. Encoding of given signature. May be 'buffer', 'binary', 'hex' or 'base64'. Default 'buffer'.
	     * @returns {*}
	     */
	    NodeRSA.prototype.verify = function (buffer, signature, source_encoding, signature_encoding) {
	        if (!this.isPublic()) {
	            throw Error("This is not public key");
	        }
	        signature_encoding = (!signature_encoding || signature_encoding == 'buffer' ? null : signature_encoding);
	        return this.keyPair.verify(this.$getDataForEncrypt(buffer, source_encoding), signature, signature_encoding);
	    };

	    /**
	     * Returns key size in bits
	     * @returns {int}
	     */
	    NodeRSA.prototype.getKeySize = function () {
	        return this.keyPair.keySize;
	    };

	    /**
	     * Returns max message length in bytes (for 1 chunk) depending on current encryption scheme
	     * @returns {int}
	     */
	    NodeRSA.prototype.getMaxMessageSize = function () {
	        return this.keyPair.maxMessageLength;
	    };

	    /**
	     * Preparing given data for encrypting/signing. Just make new/return Buffer object.
	     *
	     * @param buffer {string|number|object|array|Buffer} - data for encrypting. Object and array will convert to JSON string.
	     * @param encoding {string} - optional. Encoding for given string. Default utf8.
	     * @returns {Buffer}
	     */
	    NodeRSA.prototype.$getDataForEncrypt = function (buffer, encoding) {
	        if (_.isString(buffer) || _.isNumber(buffer)) {
	            return Buffer.from('' + buffer, encoding || 'utf8');
	        } else if (Buffer.isBuffer(buffer)) {
	            return buffer;
	        } else if (_.isObject(buffer)) {
	            return Buffer.from(JSON.stringify(buffer));
	        } else {
	            throw Error("Unexpected data type");
	        }
	    };

	    /**
	     *
	     * @param buffer {Buffer} - decrypted data.
	     * @param encoding - optional. Encoding for result output. May be 'buffer', 'json' or any of Node.js Buffer supported encoding.
	     * @returns {*}
	     */
	    NodeRSA.prototype.$getDecryptedData = function (buffer, encoding) {
	        encoding = encoding || 'buffer';

	        if (encoding == 'buffer') {
	            return buffer;
	        } else if (encoding == 'json') {
	            return JSON.parse(buffer.toString());
	        } else {
	            return buffer.toString(encoding);
	        }
	    };

	    return NodeRSA;
	})();
	return NodeRSA;
}

var PKCS8Key_1;
var hasRequiredPKCS8Key;

function requirePKCS8Key () {
	if (hasRequiredPKCS8Key) return PKCS8Key_1;
	hasRequiredPKCS8Key = 1;
	const crypto = require$$0;
	const ObjectIdentifier = requireObjectIdentifier();
	const DerValue = requireDerValue();

	class PKCS8Key {
		/*
		 * Construct PKCS#8 subject public key from a DER value.
		 *
		 * @param plainKey the DER-encoded SubjectPublicKeyInfo value
		 */
		static parseKey(plainKey) {
			if (plainKey.tag !== DerValue.tag_Sequence) {
				throw new Error('corrupt private key');
			}

			const parsedVersion = plainKey.getBigInteger();

			if (parsedVersion !== PKCS8Key.version) {
				throw new Error('version mismatch: (supported ' + this.version + ', parsed: ' + parsedVersion);
			}

			const seq0 = plainKey.getDerValue();
			const seq1 = plainKey.getDerValue();
			const alghorithm = new ObjectIdentifier(
				seq0.data
			);

			if (
				PKCS8Key.supportedTypes['dsa'] === alghorithm.toString()
				|| PKCS8Key.supportedTypes['ec'] === alghorithm.toString()
			) {
				return PKCS8Key.format(plainKey.buffer);
			}

			try {
				const octetString = seq1.getOctetString();

				return PKCS8Key.export(octetString);
			} catch (e) {
				const error = new Error('Something went wrong with algorithm ' + alghorithm.toString() + '. For more details see \'error.context\'');
				error.context = e;

				throw error;
			}
		}

		static export(key) {
			if (typeof crypto.createPrivateKey === 'function') {
				const privateKey = crypto.createPrivateKey({
					key: key,
					format: 'der',
					type: 'pkcs1',
				});

				return privateKey.export({
					format: 'pem',
					type: 'pkcs8'
				});
			} else {
				const NodeRSA = requireNodeRSA();
				const privateKey = new NodeRSA(key, 'pkcs1-der');

				return privateKey.exportKey('pkcs8-pem') + '\n';
			}
		}

		static format(data) {
			const payload = data.toString('base64').match(/.{1,64}/g).join('\n');
			return '-----BEGIN PRIVATE KEY-----\n' +
				payload +
				'\n-----END PRIVATE KEY-----\n';
		}
	}

	PKCS8Key.supportedTypes = {
		'rsa': '1.2.840.113549.1.1.1',
		'rsa-pss': '1.2.840.113549.1.1.10',
		'dsa': '1.2.840.10040.4.1',
		'ec': '1.2.840.10045.2.1',
		'x25519': '1.3.101.110',
		'x448': '1.3.101.111',
		'ed25519': '1.3.101.112',
		'ed448': '1.3.101.113',
		'dh': '1.2.840.113549.1.3.1',
	};
	/* The version for this key */
	PKCS8Key.version = 0;

	PKCS8Key_1 = PKCS8Key;
	return PKCS8Key_1;
}

var KeyProtector_1;
var hasRequiredKeyProtector;

function requireKeyProtector () {
	if (hasRequiredKeyProtector) return KeyProtector_1;
	hasRequiredKeyProtector = 1;
	const crypto = require$$0;
	const PKCS8Key = requirePKCS8Key();
	const DerValue = requireDerValue();
	const InputStream = requireInputStream();
	const sliceBuffer = requireSlice();

	class KeyProtector {
		constructor(password) {
			this.messageDigest = crypto.createHash(KeyProtector.DIGEST_ALG);
		
			// The password used for protecting/recovering keys passed through this
			// key protector.
			this.passwdBytes = Buffer.alloc(password.length * 2);

			for (let i = 0, j = 0; i < password.length; i++) {
				this.passwdBytes[j++] = password[i].charCodeAt() >> 8;
				this.passwdBytes[j++] = password[i].charCodeAt();
			}
		}

		resetDigest() {
			this.messageDigest = crypto.createHash(KeyProtector.DIGEST_ALG);
		}

	    /*
	     * Recovers the plaintext version of the given key (in protected format),
	     * using the password provided at construction time.
	     */
		recover(encryptedPrivateKeyInfo) {
	        let digest;
	        let numRounds;
			let encrKeyLen; // the length of the encrpyted key
			
			const algId = encryptedPrivateKeyInfo.getAlgorithm();
			if (algId !== KeyProtector.KEY_PROTECTOR_OID) {
				throw new Error("Unsupported key protection alghorithm");
			}
			let protectedKey = encryptedPrivateKeyInfo.getEncryptedData();
			const salt = sliceBuffer(protectedKey, 0, KeyProtector.SALT_LEN);
			encrKeyLen = protectedKey.length - KeyProtector.SALT_LEN - KeyProtector.DIGEST_LEN;
			numRounds = Math.floor(encrKeyLen / KeyProtector.DIGEST_LEN);

			if ((encrKeyLen % KeyProtector.DIGEST_LEN) !== 0) {
				numRounds++;
			}

			// Get the encrypted key portion and store it in "encrKey"
			const encrKey = sliceBuffer(
				protectedKey,
				KeyProtector.SALT_LEN,
				encrKeyLen + KeyProtector.SALT_LEN
			);

			let xorKey = Buffer.alloc(encrKey.length);

			// Compute the digests, and store them in "xorKey"
			for (
				let i = 0, xorOffset = 0, digest = salt;
				i < numRounds;
				i++, xorOffset += KeyProtector.DIGEST_LEN
			) {
				this.messageDigest.update(this.passwdBytes);
				this.messageDigest.update(digest);
				digest = this.messageDigest.digest();
				this.resetDigest();
				
				// Copy the digest into "xorKey"
				if (i < numRounds - 1) {
					xorKey = Buffer.concat([
						sliceBuffer(xorKey, 0, xorOffset),
						digest
					]);
				} else {
					xorKey = Buffer.concat([
						sliceBuffer(xorKey, 0, xorOffset),
						sliceBuffer(digest, 0, encrKey.length - xorOffset)
					]);
				}
		   }

		   // XOR "encrKey" with "xorKey", and store the result in "plainKey"
		   const plainKey = Buffer.alloc(encrKey.length);
		   for (let i = 0; i < plainKey.length; i++) {
			   plainKey[i] = encrKey[i] ^ xorKey[i];
		   }

		   /*
			* Check the integrity of the recovered key by concatenating it with
			* the password, digesting the concatenation, and comparing the
			* result of the digest operation with the digest provided at the end
			* of <code>protectedKey</code>. If the two digest values are
			* different, throw an exception.
			*/
			this.messageDigest.update(this.passwdBytes);
	        this.messageDigest.update(plainKey);
	        digest = this.messageDigest.digest();
			this.resetDigest();
			
			for (let i = 0; i < digest.length; i++) {
	            if (digest[i] != protectedKey[KeyProtector.SALT_LEN + encrKeyLen + i]) {
	                throw new Error("Cannot recover key");
	            }
			}
			
			// The parseKey() method of PKCS8Key parses the key
	        // algorithm and instantiates the appropriate key factory,
			// which in turn parses the key material.
			return PKCS8Key.parseKey(
				new DerValue(
					new InputStream(plainKey)
				)
			);
		}
	}

	KeyProtector.SALT_LEN = 20; // the salt length
	KeyProtector.DIGEST_ALG = "sha1";
	KeyProtector.DIGEST_LEN = 20;

	// defined by JavaSoft
	KeyProtector.KEY_PROTECTOR_OID = "1.3.6.1.4.1.42.2.17.1.1";

	KeyProtector_1 = KeyProtector;
	return KeyProtector_1;
}

var X509Cert_1;
var hasRequiredX509Cert;

function requireX509Cert () {
	if (hasRequiredX509Cert) return X509Cert_1;
	hasRequiredX509Cert = 1;
	class X509Cert {
		generate(data) {
			const payload = data.toString('base64').match(/.{1,64}/g).join('\n');
			return '-----BEGIN CERTIFICATE-----\n' +
				payload +
				'\n-----END CERTIFICATE-----\n';
		}
	}

	X509Cert_1 = X509Cert;
	return X509Cert_1;
}

var CertificateRegistry_1;
var hasRequiredCertificateRegistry;

function requireCertificateRegistry () {
	if (hasRequiredCertificateRegistry) return CertificateRegistry_1;
	hasRequiredCertificateRegistry = 1;
	const X509Cert = requireX509Cert();

	class CertificateRegistry {
		constructor() {
			this.algorithms = {
				'X509': X509Cert,
				'X.509': X509Cert,
			};
		}

		get(algorithm) {
			if (!this.algorithms[algorithm]) {
				throw new Error('The certificate type ' + algorithm + ' is not supported');
			}

			return new this.algorithms[algorithm]();
		}
	}

	CertificateRegistry_1 = CertificateRegistry;
	return CertificateRegistry_1;
}

var lib;
var hasRequiredLib;

function requireLib () {
	if (hasRequiredLib) return lib;
	hasRequiredLib = 1;
	const JavaKeyStoreParser = requireJavaKeyStoreParser();
	const PKCS12Parser = requirePKCS12Parser();
	const KeyEntry = requireKeyEntry();
	const TrustedKeyEntry = requireTrustedKeyEntry();
	const EncryptedPrivateKeyInfo = requireEncryptedPrivateKeyInfo();
	const KeyProtector = requireKeyProtector();
	const CertificateRegistry = requireCertificateRegistry();

	const serializeCert = (cert) => {
		const registry = new CertificateRegistry();
		const impl = registry.get(cert.certType);

		return impl.generate(cert.value);
	};

	const decrypt = (protectedKey, password = '') => {
		const keyInfo = new EncryptedPrivateKeyInfo(protectedKey);
		const protector = new KeyProtector(password);

		return protector.recover(keyInfo);
	};

	const parseJks = (keystore, password) => {
		const jks = new JavaKeyStoreParser(keystore, password);

		return jks.parse();
	};

	const parsePkcs12 = (keystore, password) => {
		const jks = new PKCS12Parser(keystore, password);

		return jks.parse();
	};

	const pkcs12ToPem = (keystore, password) => {
		const jks = new PKCS12Parser(keystore, password);
		const p12Bags = jks.parse();

		return jks.toPem(p12Bags);
	};

	const jksToPem = (keystore, keystorePassword, pemPassword) => {
		if (pemPassword === undefined) {
			pemPassword = keystorePassword;
		}

		const entries = parseJks(keystore, keystorePassword);

		return entries.reduce((result, entry) => {
			if (entry instanceof TrustedKeyEntry) {
				return Object.assign({}, result, {
					[entry.alias]: {
						ca: serializeCert(entry.cert)
					}
				});
			} else if (entry instanceof KeyEntry) {
				return Object.assign({}, result, {
					[entry.alias]: {
						cert: entry.chain.map(serializeCert).join('\n'),
						key: decrypt(entry.protectedPrivateKey, pemPassword)
					}
				});
			}
		}, {});
	};

	const toPem = function (keystore, keystorePassword, privateKeyPassword) {
		if (PKCS12Parser.probe(keystore)) {
			return pkcs12ToPem(keystore, keystorePassword);
		} else {
			return jksToPem(keystore, keystorePassword, privateKeyPassword);
		}
	};

	lib = {
		toPem,
		parseJks,
		decrypt,
		parsePkcs12,
	};
	return lib;
}

var libExports = requireLib();
var index = /*@__PURE__*/getDefaultExportFromCjs(libExports);

var index$1 = /*#__PURE__*/_mergeNamespaces({
	__proto__: null,
	default: index
}, [libExports]);

export { index$1 as i };
