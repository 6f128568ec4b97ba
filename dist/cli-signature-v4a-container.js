const signatureV4aContainer = {
    SignatureV4a: null,
};

export { signatureV4aContainer as s };
