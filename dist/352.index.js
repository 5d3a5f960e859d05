export const id = 352;
export const ids = [352];
export const modules = {

/***/ 7352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentImageCommand: () => (/* binding */ commentImageCommand)
/* harmony export */ });
async function commentImageCommand(_session) {
    throw new Error('Input `command` "comment-image" is not available in this version.');
}


/***/ })

};
